namespace Workflow.Api.Tests;

/// <summary>One silo shared by the API tests (starting Orleans per test would be slow).</summary>
[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<WorkflowApiFactory>
{
    public const string Name = "api";
}
