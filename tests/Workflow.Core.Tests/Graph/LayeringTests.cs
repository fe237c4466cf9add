using Workflow.Core.Graph;

namespace Workflow.Core.Tests.Graph;

public sealed class LayeringTests
{
    [Fact]
    public void CoreAssembly_ReferencesNoOrleansAspNetOrDataAccess()
    {
        var forbidden = new[] { "Orleans", "Microsoft.AspNetCore", "Microsoft.Data", "Npgsql", "System.Net.Http", "Microsoft.Extensions.Hosting" };

        var references = typeof(WorkflowDocument).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToArray();

        Assert.DoesNotContain(references, r => forbidden.Any(f => r.StartsWith(f, StringComparison.Ordinal)));
        Assert.Contains("Jint", references);
    }
}
