using PolicyLens.Coverage;

namespace PolicyLens.Readers.Export;

/// <summary>Status colours of the exports (RGB hex), the same as on the compare page: grey afwezig, yellow genoemd, green uitgewerkt.</summary>
internal static class StatusColours
{
    public static string Of(CoverageStatus status) => status switch
    {
        CoverageStatus.Uitgewerkt => "B9DFC4",
        CoverageStatus.Genoemd => "FFE9A8",
        _ => "E6E6E6",
    };
}
