namespace PolicyLens.Documents;

/// <summary>
/// Unicode's explicit direction controls (U+202A–U+202E, U+2066–U+2069, U+200E/F, U+061C) turn
/// displayed text around: <c>rapport&#x202E;fdp.md</c> shows as "rapportdm.pdf". They have no
/// place in a file name or title, and HTML-encoding does not neutralise them, so names and
/// titles lose them before they are stored or shown.
/// </summary>
public static class BidiControls
{
    public static bool Is(char c) => c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    /// <summary>The text without direction controls (the same instance when it has none).</summary>
    public static string Strip(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var c in text)
            if (Is(c)) return string.Concat(text.Where(ch => !Is(ch)));
        return text;
    }
}
