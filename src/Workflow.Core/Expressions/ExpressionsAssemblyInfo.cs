using System.Runtime.CompilerServices;

// The isolation tests pin the engine pool to one engine and count engine creations.
[assembly: InternalsVisibleTo("Workflow.Core.Tests")]
