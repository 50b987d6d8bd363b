namespace PolicyLens.Web.Tests;

/// <summary>Two drafts of a small plan for the version tests: the second adds carers, young people and a chapter on education.</summary>
internal static class VersionDrafts
{
    public static string First(string town) => $"""
        Actieplan Samen {town}

        Ontmoeting

        We openen een buurthuis in elke wijk, waar buren elkaar wekelijks ontmoeten.

        Vrijwilligers bezoeken eenzame ouderen thuis.
        """;

    public static string Second(string town) => $"""
        Actieplan Samen {town}

        Ontmoeting

        We openen een buurthuis in elke wijk, waar buren elkaar wekelijks ontmoeten.

        Vrijwilligers en buren bezoeken eenzame ouderen en jongeren thuis.

        Onderwijs

        Scholen leren kinderen over vriendschap en omgaan met eenzaamheid, samen met het jeugdwerk.
        """;
}
