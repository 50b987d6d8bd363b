namespace PolicyLens.Documents;

/// <summary>
/// What kind of problem an <see cref="IngestionIssue"/> is, independent of language. Each member
/// carries the Dutch text users see (<see cref="IssueTextAttribute"/>: what is wrong, what to do),
/// so adding a kind is one line here; <see cref="IssueMessages"/> renders it for the CLI and the
/// web app. <c>{name}</c> in a text is filled from <see cref="IngestionIssue.Facts"/>;
/// <c>{name:mb}</c> formats bytes, <c>{name:format}</c> a <see cref="DocumentFormat"/> name.
/// Codes are stored by name: rename none, and never reuse one for another meaning.
/// </summary>
public enum IssueCode
{
    // The file as a whole (DocumentIngestor).
    [IssueText("er ging onverwacht iets mis bij het lezen.", "Het bestand is mogelijk beschadigd: exporteer het opnieuw. Blijft het misgaan, meld dan het probleem.")] Unexpected,
    [IssueText("het bestand bestaat niet.", "Controleer de naam en de map.")] FileNotFound,
    [IssueText("het bestand is leeg (0 bytes).", "Kies het bestand waarin de tekst van het plan staat.")] EmptyFile,
    [IssueText("het bestand is {size:mb}, groter dan de grens van {limit:mb}.", "Splits het document, of vraag de beheerder de grens te verhogen.")] FileTooLarge,
    [IssueText("het bestand mag niet geopend worden (geen leesrechten).", "Controleer de rechten van het bestand.")] PermissionDenied,
    [IssueText("het bestand kon niet gelezen worden.", "Controleer of het niet in een ander programma geopend is en probeer het opnieuw.")] ReadFailed,
    [IssueText("het lezen duurde langer dan {seconds} seconden en is gestopt.", "Het document is mogelijk beschadigd of erg complex: exporteer het opnieuw.")] TimedOut,
    [IssueText("het plan kon niet in de database worden opgeslagen.", "Controleer of er schijfruimte is en probeer het opnieuw.")] StorageFailed,
    [IssueText("de schijf is vol; het plan is niet opgeslagen.", "Maak ruimte vrij (of vraag de beheerder dat te doen) en probeer het opnieuw.")] DiskFull,
    [IssueText("deze versie van PolicyLens heeft geen lezer voor {format:format}.", "Gebruik het plan als DOCX of PDF.")] NoReader,

    // What the content is (FormatDetector).
    [IssueText("dit bestandstype kan PolicyLens niet lezen.", "Gebruik PDF, DOCX, ODT, HTML, Markdown of platte tekst.")] UnsupportedFormat,
    [IssueText("dit is een afbeelding ({kind}), geen document met tekst.", "Gebruik het originele document, of een PDF met tekst.")] Image,
    [IssueText("dit is een RTF-document; dat leest PolicyLens niet.", "Sla het op als .docx en probeer het opnieuw.")] Rtf,
    [IssueText("dit is een archief (ZIP of gzip), geen document.", "Pak het uit en kies het plan zelf.")] Archive,
    [IssueText("het bestand is beveiligd met een wachtwoord.", "Sla het op zonder wachtwoord, of vraag de maker om een versie zonder wachtwoord, en probeer het opnieuw.")] PasswordProtected,
    [IssueText("dit is een oud Word-bestand (.doc); dat leest PolicyLens niet.", "Sla het op als .docx en probeer het opnieuw.")] LegacyWord,
    [IssueText("dit is een oud Office-bestand (zoals .doc of .xls).", "Sla het plan op als .docx of PDF en probeer het opnieuw.")] LegacyOffice,
    [IssueText("dit is geen tekstdocument (maar bijvoorbeeld een spreadsheet of presentatie).", "Sla het plan op als .docx, .odt of PDF.")] NotATextDocument,
    [IssueText("de naam eindigt op '{extension}', maar de inhoud is {detected:format}.", "Kies het juiste bestand, of geef het de extensie die bij de inhoud past.")] ExtensionMismatch,
    [IssueText("de naam eindigt op '{extension}', maar de inhoud is {detected:format}; het is gelezen als {detected:format}.", "")] ExtensionDiffers,

    // Inside ZIP-based documents (ArchiveGuard) and damage found by any reader.
    [IssueText("het document pakt uit tot meer dan toegestaan; dit is geen gewoon document (een zip-bom?).", "Exporteer het plan opnieuw.")] ArchiveTooLarge,
    [IssueText("het document is ongewoon diep genest (meer dan {limit} niveaus).", "Sla het opnieuw op vanuit het programma waarmee het gemaakt is.")] NestingTooDeep,
    [IssueText("het document bevat ongeldige of niet toegestane XML.", "Exporteer het opnieuw vanuit het programma waarmee het gemaakt is.")] MalformedXml,
    [IssueText("het bestand is beschadigd of onvolledig.", "Download of exporteer het opnieuw.")] Damaged,
    [IssueText("de webpagina heeft meer dan {limit} elementen, meer dan PolicyLens van één pagina leest.", "Sla het plan op als DOCX of PDF.")] TooManyElements,

    // What the readers found in the content.
    [IssueText("het document heeft geen hoofdtekst.", "Open het in het programma waarmee het gemaakt is, sla het opnieuw op en probeer het nog eens.")] MissingBody,
    [IssueText("de tekst is niet als UTF-8 opgeslagen (eerste ongeldige byte op positie {offset}).", "Sla het bestand op als UTF-8 (in de meeste editors: Opslaan als… → Codering: UTF-8).")] NotUtf8,
    [IssueText("het document bevat geen tekst.", "Controleer of u het juiste bestand koos.")] NoText,
    [IssueText("{count} ingesloten documentdeel of -delen zijn overgeslagen.", "Plak de inhoud in het document zelf om die mee te nemen.")] EmbeddedPartsSkipped,

    // Structured import: the table readers word their problems in Dutch already (file and row).
    [IssueText("{detail}.", "")] ImportRow,

    // PDF.
    [IssueText("er is op deze computer geen PDF-lezer beschikbaar (poppler en de ingebouwde lezer ontbreken).", "Laat poppler installeren (zie de statuspagina of 'policylens doctor'), of gebruik het plan als DOCX.")] PdfEngineMissing,
    [IssueText("de PDF-lezer kon het bestand niet lezen.", "Exporteer de PDF opnieuw, of gebruik het plan als DOCX.")] PdfEngineFailed,
    [IssueText("het bestand is geen geldige PDF.", "Kies het juiste bestand, of sla het opnieuw op als PDF.")] NotAPdf,
    [IssueText("de PDF heeft op geen van de {pages} pagina's een tekstlaag (een scan?).", "Vraag een PDF die uit de tekstverwerker is geëxporteerd, of laat er eerst OCR op los.")] Scanned,
    [IssueText("pagina {page} heeft geen tekstlaag en is overgeslagen (OCR staat uit).", "")] PageWithoutTextLayer,
    [IssueText("alleen de eerste {read} van de {pages} pagina's zijn gelezen (grens: {limit}).", "")] PageLimit,
    [IssueText("de PDF lijkt onvolledig (het einde ontbreekt); wat leesbaar was is gelezen, maar er kan tekst ontbreken.", "Gebruik het volledige bestand als u dat hebt.")] PdfTruncated,
    [IssueText("de PDF bevat alleen kop- en voetteksten en paginanummers; er is niets te analyseren.", "Controleer of u het juiste bestand koos.")] OnlyRunningText,
    [IssueText("de PDF-lezer had meer geheugen nodig dan de grens van {limit} MB en is gestopt; het bestand is beschadigd of gemaakt om lezers te laten vastlopen.", "Exporteer het plan opnieuw; is het bestand echt, vraag de beheerder dan de grens te verhogen.")] PdfOutOfMemory,
    [IssueText("de PDF-lezer is op dit bestand vastgelopen; het is waarschijnlijk beschadigd.", "Download of exporteer de PDF opnieuw.")] PdfEngineCrashed,
    [IssueText("de PDF zegt meer pagina's te hebben dan PolicyLens leest; geen plan is zo lang.", "Controleer het bestand, of splits het.")] TooManyPages,
    [IssueText("de PDF heeft te weinig leesbare tekst: {readable} van de {pages} pagina's zijn leesbaar, de rest is gescand of heeft een tekstlaag zonder echte letters.", "Zet OCR aan (zie de README), of vraag een PDF die uit de tekstverwerker is geëxporteerd.")] TooLittleText,
    [IssueText("{failed} kon het bestand niet lezen; {engine} heeft het gelezen.", "")] PdfEngineFallback,
    [IssueText("pagina {page} heeft een tekstlaag zonder echte letters (lettertypen zonder Unicode-tabel); de inhoud is overgeslagen.", "Zet OCR aan om zulke pagina's te laten herkennen, of vraag een PDF die uit de tekstverwerker is geëxporteerd.")] PageSymbolSoup,
    [IssueText("pagina {page} heeft geen tekstlaag en OCR herkende er geen tekst op; de pagina is overgeslagen.", "")] PageNotRecognised,
    [IssueText("de inhoudsopgave op {pagelist} ({lines} regels) telt niet mee als passages, zodat hoofdstuktitels niet dubbel meetellen.", "")] TableOfContentsSkipped,
    [IssueText("de tekstherkenning (OCR) van pagina {page} is mislukt.", "")] OcrFailed,
    [IssueText("de tekstherkenning (OCR) is gestopt na {limit} pagina's; nog {more} pagina's hebben geen bruikbare tekst.", "Verhoog PolicyLens:Ocr:MaxPages als die pagina's nodig zijn.")] OcrPageLimit,
    [IssueText("de tekst van {pagelist} is door OCR herkend; er kunnen herkenningsfouten in zitten, en die passages zijn als OCR gemarkeerd.", "")] OcrUsed,
}

/// <summary>The Dutch text of an <see cref="IssueCode"/>: what is wrong, and what to do (may be empty).</summary>
[AttributeUsage(AttributeTargets.Field)]
public sealed class IssueTextAttribute(string problem, string action) : Attribute
{
    /// <summary>A sentence (lower-case start, ends with a full stop) that follows the file name.</summary>
    public string Problem { get; } = problem;

    /// <summary>What the user can do about it; empty when there is nothing to do.</summary>
    public string Action { get; } = action;
}
