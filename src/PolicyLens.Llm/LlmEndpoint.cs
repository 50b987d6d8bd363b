using System.Net;

namespace PolicyLens.Llm;

/// <summary>Where passage text would go, in words a privacy officer can check (Dutch for the UI).</summary>
public sealed record LlmEndpointInfo(bool Enabled, string? Address, string? Model, bool IsLocal, bool IsEncrypted, bool HasApiKey)
{
    /// <summary>One Dutch sentence for the status page and doctor.</summary>
    public string Summary => !Enabled
        ? "Uit: er wordt geen passagetekst naar een taalmodel verstuurd en PolicyLens maakt daarvoor geen netwerkverbinding."
        : IsLocal
            ? $"Aan: passagetekst gaat naar {Address} (model {Model}), een server op deze computer."
            : $"Aan: passagetekst gaat naar {Address} (model {Model}), buiten deze computer{(IsEncrypted ? "" : ", onversleuteld (http)")}.";
}

/// <summary>Display-safe descriptions of the configured endpoint.</summary>
public static class LlmEndpoint
{
    /// <summary>
    /// Scheme, host, port and path of the endpoint: never a user name, password or query string
    /// (where keys sometimes hide). "(uit)" when off, "(ongeldig)" when not a URL.
    /// </summary>
    public static string Describe(LlmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled) return "(uit)";
        if (options.EndpointUri is not { } uri) return "(ongeldig)";
        return uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped).TrimEnd('/');
    }

    public static LlmEndpointInfo Info(LlmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var uri = options.EndpointUri;
        return new LlmEndpointInfo(options.Enabled, options.Enabled ? Describe(options) : null, options.Model,
            uri is not null && IsLoopback(uri), uri?.Scheme == Uri.UriSchemeHttps, options.HasApiKey);
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.DnsSafeHost, out var ip) && IPAddress.IsLoopback(ip));
}
