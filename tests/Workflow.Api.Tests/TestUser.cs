namespace Workflow.Api.Tests;

/// <summary>A user made by a test, with a client signed in as them.</summary>
public sealed record TestUser(string Username, string Password, HttpClient Client);
