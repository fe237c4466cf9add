using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Workflow.Core.Expressions;

namespace Workflow.Core.Tests.Expressions;

public sealed class JintExpressionEvaluatorConcurrencyTests
{
    [Fact]
    public async Task Evaluate_ManyThreadsAtOnce_EachGetsItsOwnResult()
    {
        using var evaluator = new JintExpressionEvaluator(new SandboxOptions(), maxPooledEngines: 4);
        var failures = new ConcurrentQueue<string>();
        using var start = new ManualResetEventSlim();

        var workers = Enumerable.Range(0, 16).Select(worker => Task.Factory.StartNew(() =>
        {
            start.Wait();
            for (var i = 0; i < 300; i++)
            {
                var scope = new ExpressionScope
                {
                    Trigger = new JsonObject { ["worker"] = worker, ["i"] = i },
                    Item = JsonValue.Create(i * 2),
                };
                var result = evaluator.Evaluate("`${trigger.worker}:${trigger.i}:${item + index}`", scope with { Index = worker });
                var expected = $"{worker}:{i}:{i * 2 + worker}";
                if (result?.GetValue<string>() != expected)
                {
                    failures.Enqueue($"expected {expected}, got {result?.ToJsonString()}");
                }
            }
        }, TaskCreationOptions.LongRunning)).ToArray();

        start.Set();
        await Task.WhenAll(workers);

        Assert.Empty(failures);
    }

    [Fact]
    public async Task Evaluate_ConcurrentViolationsAndNormalWork_DoNotInterfere()
    {
        using var evaluator = new JintExpressionEvaluator(new SandboxOptions { Timeout = TimeSpan.FromMilliseconds(200) }, 2);
        var failures = new ConcurrentQueue<string>();

        var attackers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 3; i++)
            {
                try
                {
                    evaluator.Run("Object.prototype.polluted = 1; while (true) {}", ExpressionScope.Empty);
                }
                catch (ExpressionException)
                {
                    // expected: refused or timed out
                }
            }
        }));
        var workers = Enumerable.Range(0, 4).Select(w => Task.Run(() =>
        {
            for (var i = 0; i < 200; i++)
            {
                var result = evaluator.Evaluate("({}).polluted === undefined && trigger.n * 2", new ExpressionScope { Trigger = new JsonObject { ["n"] = i } });
                if (result?.GetValue<int>() != i * 2)
                {
                    failures.Enqueue($"worker {w}: {result?.ToJsonString()}");
                }
            }
        }));

        await Task.WhenAll(attackers.Concat(workers));

        Assert.Empty(failures);
    }
}
