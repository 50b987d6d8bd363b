using PolicyLens.Storage;

namespace PolicyLens.Web.Infrastructure;

/// <summary>
/// What the upload form shows: the limits, and the plans an upload can become a new version of
/// (the newest version of each), with the one chosen beforehand (from a report's "Nieuwe versie uploaden").
/// </summary>
public sealed record UploadForm(PolicyLensOptions Options, IReadOnlyList<PlanVersion> Plans, long? VersionOf = null)
{
    /// <summary>The form for a page, reading the plans from the store.</summary>
    public static UploadForm For(PolicyLensOptions options, IPlanStore store, long? versionOf = null)
    {
        var plans = store.LatestVersions().OrderBy(p => p.Document.Title, StringComparer.CurrentCultureIgnoreCase).ToArray();
        // The choice may name any version; the list offers each plan once, by its newest version.
        var chosen = versionOf is { } id ? store.ListVersions(id) is [_, ..] versions ? versions[^1].Document.Id : (long?)null : null;
        return new UploadForm(options, plans, chosen);
    }
}
