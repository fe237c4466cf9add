using Workflow.Api.Hosting;
using Workflow.Silo.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddWorkflowSilo();
builder.Services.AddWorkflowApi(builder.Configuration);

var app = builder.Build();
app.MapWorkflowApi();
app.MapWorkflowOps();
app.MapWorkflowDesigner();
app.Run();

/// <summary>Entry point; public so integration tests can host it with WebApplicationFactory.</summary>
public partial class Program;
