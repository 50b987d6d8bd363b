using System.Text;

namespace PolicyLens.Readers.Export;

/// <summary>Makes document text safe for XML parts: characters XML 1.0 forbids (control characters, lone surrogates) are dropped.</summary>
internal static class XmlText
{
    public static string Clean(string text, int maxLength = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(text);
        StringBuilder? sb = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var ok = c is '\t' or '\n' or '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb?.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }
            if (ok) { sb?.Append(c); continue; }
            sb ??= new StringBuilder(text, 0, i, text.Length);
        }
        var clean = sb?.ToString() ?? text;
        return clean.Length <= maxLength ? clean : clean[..(maxLength - 1)] + "…";
    }
}
