using System.Text.Json.Nodes;
using Workflow.Tests.Shared;

namespace Workflow.Benchmarks;

/// <summary>
/// The environment the README's run command (<c>dotnet run --project silo/Workflow.Silo</c>) gives the silo: the
/// variables of its launch profile (<c>silo/Workflow.Silo/Properties/launchSettings.json</c>). The benchmarks start the
/// built silo directly, so they apply them the same way; <c>--env</c> overrides them.
/// </summary>
public static class LaunchProfile
{
    /// <summary>The launch profile's variables of the checkout at <paramref name="repositoryRoot"/> (default this one); none without a profile.</summary>
    public static Dictionary<string, string> Environment(string? repositoryRoot = null)
    {
        var path = Path.Combine(repositoryRoot ?? RepositoryPaths.Root(), "silo", "Workflow.Silo", "Properties", "launchSettings.json");
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        if (File.Exists(path) && JsonNode.Parse(File.ReadAllText(path))?["profiles"]?["Workflow.Silo"]?["environmentVariables"] is JsonObject set)
        {
            foreach (var (name, value) in set)
            {
                variables[name] = value?.GetValue<string>() ?? "";
            }
        }
        return variables;
    }
}
