using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Workflow.Api.Http;

/// <summary>
/// Security headers for an API with a same-origin designer: no sniffing, no framing, no referrer leaks; API answers
/// get a CSP that allows nothing (they are data), pages a same-origin CSP.
/// </summary>
public static class SecurityHeaders
{
    private const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'";

    // The designer (a Vite build) needs no inline script; inline styles stay allowed for the canvas library's style
    // attributes; connect-src covers the API and the SignalR WebSocket.
    private const string PagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "connect-src 'self' ws: wss:; font-src 'self' data:; worker-src 'self' blob:; object-src 'none'; " +
        "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    // The Orleans dashboard is a third-party page with inline script.
    private const string DashboardPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "connect-src 'self'; font-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Cross-Origin-Resource-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        var path = context.Request.Path;
        headers.ContentSecurityPolicy = path.StartsWithSegments("/api") || path.StartsWithSegments("/hooks") || path.StartsWithSegments("/health")
            ? ApiPolicy
            : path.StartsWithSegments("/dashboard") ? DashboardPolicy : PagePolicy;
        if (context.Request.IsHttps)
        {
            headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
        }
        if (path.StartsWithSegments("/api"))
        {
            headers.CacheControl = "no-store";
        }
        return next(context);
    });
}
