namespace PolicyLens.Web.Infrastructure;

/// <summary>
/// The readers explain failures in English sentences (shared with the CLI). The web app shows a
/// Dutch reason chosen from the kind of failure, and keeps the English sentence as detail.
/// </summary>
public static class DutchMessages
{
    private static readonly (string[] Needles, string Dutch)[] Reasons =
    [
        (["password", "encrypted"], "het bestand is beveiligd met een wachtwoord. Sla het op zonder wachtwoord en probeer het opnieuw."),
        (["is empty", "0 bytes"], "het bestand is leeg. Kies het bestand waarin de tekst van het plan staat."),
        (["Word 97", "(.doc)"], "dit is een oud Word-bestand (.doc). Sla het op als .docx en probeer het opnieuw."),
        (["ZIP archive, not a document"], "dit is een ZIP-archief, geen document. Pak het uit en upload het plan zelf."),
        (["damaged", "truncated", "corrupt", "could not be read", "not valid"], "het bestand is beschadigd of onvolledig en kan niet gelezen worden. Download of exporteer het opnieuw."),
        (["scanned", "no text"], "het document bevat geen leesbare tekst (een gescande PDF zonder tekstlaag?). Gebruik het originele bestand of laat er eerst OCR op los."),
        (["not a document PolicyLens can read", "not a text document", "not a Word document", "no reader"], "dit bestandstype kan PolicyLens niet lezen. Gebruik PDF, DOCX, ODT, HTML, Markdown of platte tekst."),
        (["poppler", "PDF support"], "PDF-ondersteuning (poppler) ontbreekt op de server. Installeer poppler-utils of upload het plan als DOCX."),
        (["longer than the limit", "time limit"], "het lezen duurde te lang. Het document is mogelijk beschadigd of erg complex; exporteer het opnieuw."),
        (["more than the limit"], "het bestand is groter dan toegestaan."),
    ];

    /// <summary>A Dutch reason for an English ingestion error, without the file name.</summary>
    public static string Reason(string? englishMessage)
    {
        if (string.IsNullOrWhiteSpace(englishMessage)) return "het bestand kon niet gelezen worden.";
        foreach (var (needles, dutch) in Reasons)
            if (needles.Any(n => englishMessage.Contains(n, StringComparison.OrdinalIgnoreCase))) return dutch;
        return "het bestand kon niet gelezen worden. Controleer of het een geldig document is.";
    }

    public static string Megabytes(long bytes) =>
        (bytes / (1024.0 * 1024.0)).ToString("0.#", System.Globalization.CultureInfo.GetCultureInfo("nl-NL")) + " MB";
}
