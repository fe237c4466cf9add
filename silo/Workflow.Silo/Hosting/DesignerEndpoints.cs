using System.Net;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;
using Workflow.Api.Http;

namespace Workflow.Silo.Hosting;

/// <summary>
/// Serves the built designer at <c>/</c>: its files, and <c>index.html</c> for any other GET outside the server's own
/// prefixes (client-side routes such as <c>/workflows/abc</c>). Anonymous: the app signs in itself through the API.
/// A route of its own with the lowest priority, so every API, hub, hook and ops route wins, and it never matches the
/// server's own prefixes (<see cref="DesignerPathConstraint"/>).
/// </summary>
public static class DesignerEndpoints
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    private const string NotBuiltPage = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Workflow</title>
        <style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#222}code{background:#f2f2f2;padding:.1rem .3rem}</style>
        </head><body>
        <h1>The designer is not built</h1>
        <p>The API is running (see <a href="/openapi/v1.json">/openapi/v1.json</a>), but no designer build was found.</p>
        <p>Build it with <code>npm ci &amp;&amp; npm run build</code> in <code>web/</code> (the silo's build does this when npm is
        available), or point <code>Workflow:Designer:Path</code> at a folder holding <code>index.html</code>.</p>
        </body></html>
        """;

    /// <summary>Registers the route constraint of the designer's route (call while building services).</summary>
    public static IServiceCollection AddWorkflowDesigner(this IServiceCollection services) =>
        services.Configure<RouteOptions>(o => o.SetParameterPolicy<DesignerPathConstraint>(DesignerPathConstraint.Name));

    public static WebApplication MapWorkflowDesigner(this WebApplication app)
    {
        var options = app.Configuration.GetSection(DesignerOptions.SectionName).Get<DesignerOptions>() ?? new DesignerOptions();
        var site = DesignerSite.Locate(options.Path, app.Environment.ContentRootPath, AppContext.BaseDirectory);
        app.MapMethods($"/{{**path:{DesignerPathConstraint.Name}}}", [HttpMethods.Get, HttpMethods.Head], (HttpContext context, string? path) => Serve(context, site, path))
            .AllowAnonymous()
            .ExcludeFromDescription()
            .WithOrder(int.MaxValue);
        return app;
    }

    public static Results<PhysicalFileHttpResult, ContentHttpResult, ProblemHttpResult> Serve(HttpContext context, DesignerSite site, string? path)
    {
        if (site.Files is null)
        {
            context.Response.Headers.CacheControl = "no-store";
            return TypedResults.Content(NotBuiltPage, "text/html; charset=utf-8");
        }
        var file = string.IsNullOrEmpty(path) ? null : site.Files.GetFileInfo(path);
        if (file is { Exists: true, IsDirectory: false, PhysicalPath: not null })
        {
            // Vite fingerprints everything under assets/, so those never change; anything else is revalidated.
            context.Response.Headers.CacheControl = path!.StartsWith("assets/", StringComparison.Ordinal)
                ? "public, max-age=31536000, immutable"
                : "no-cache";
            return TypedResults.PhysicalFile(file.PhysicalPath, ContentType(file.Name), lastModified: file.LastModified, enableRangeProcessing: true);
        }
        if (Path.HasExtension(path))
        {
            return ApiProblems.Problem((int)HttpStatusCode.NotFound, "not_found", "File not found.");
        }
        var index = site.Files.GetFileInfo(DesignerSite.IndexFile);
        context.Response.Headers.CacheControl = "no-cache";
        return TypedResults.PhysicalFile(index.PhysicalPath!, "text/html; charset=utf-8", lastModified: index.LastModified);
    }

    private static string ContentType(string name) =>
        ContentTypes.TryGetContentType(name, out var type) ? type : "application/octet-stream";
}
