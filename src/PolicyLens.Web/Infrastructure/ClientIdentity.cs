using System.Security.Cryptography;

namespace PolicyLens.Web.Infrastructure;

/// <summary>
/// Who is asking, in the two senses the upload queue needs. The browser: a random id in a
/// cookie, set at the first upload, so a job is shown only to the browser that started it (no
/// login; the id says nothing about the person). The client: the remote IP address, for the
/// per-client queue limit (behind a reverse proxy that is the proxy's unless forwarded headers
/// are enabled, see the README).
/// </summary>
public static class ClientIdentity
{
    public const string CookieName = "PolicyLens.Browser";

    /// <summary>This browser's id, or null when it has none (yet) or sent something that is not one.</summary>
    public static string? Browser(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var value = context.Request.Cookies[CookieName];
        return value is { Length: 32 } && value.All(char.IsAsciiHexDigitLower) ? value : null;
    }

    /// <summary>This browser's id, given one (in a cookie) when it has none.</summary>
    public static string EnsureBrowser(HttpContext context)
    {
        if (Browser(context) is { } known) return known;
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        context.Response.Cookies.Append(CookieName, id, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            IsEssential = true,
            Path = "/",
            MaxAge = TimeSpan.FromDays(30),
        });
        return id;
    }

    /// <summary>The client for the per-client queue limit: its IP address.</summary>
    public static string Client(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Connection.RemoteIpAddress?.ToString() ?? "onbekend";
    }
}
