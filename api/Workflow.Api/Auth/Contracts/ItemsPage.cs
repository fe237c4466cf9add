namespace Workflow.Api.Auth.Contracts;

/// <summary>A list answer in the API's <c>{items, nextCursor}</c> shape.</summary>
public sealed record ItemsPage<T>(IReadOnlyList<T> Items, string? NextCursor = null);
