namespace Workflow.Core.Expressions;

/// <summary>What a one-pass walk over the user code's AST learns about it.</summary>
/// <param name="NodeIds">
/// Ids read as <c>nodes.id</c> or <c>nodes["id"]</c>, so only those outputs are converted; null when any other
/// use of the name <c>nodes</c> (passing it on, <c>nodes[key]</c>, a local of that name) makes the set unknown.
/// </param>
/// <param name="MayQueueJobs">
/// Whether the code can create a promise and so queue jobs that must run before the evaluation ends. With
/// <c>Array.fromAsync</c>, <c>AsyncIterator</c> and <c>AsyncDisposableStack</c> removed from the realm, the
/// only ways are async syntax, <c>import()</c> and the <c>Promise</c> constructor — reachable by name, through
/// <c>globalThis</c>, or from a promise that one of the former already produced.
/// </param>
internal sealed record ScriptAnalysis(string[]? NodeIds, bool MayQueueJobs);
