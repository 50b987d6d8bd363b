using System.IO.Compression;
using System.Xml;
using PolicyLens.Documents;

namespace PolicyLens.Readers.Documents;

/// <summary>
/// Checks a ZIP-based document (DOCX, ODT) before any parser touches it: entry count, the bytes
/// every entry really decompresses to (a zip bomb declares small sizes and expands anyway), and
/// for XML parts the absence of DTDs and a bounded nesting depth (deep nesting would overflow
/// the stack of recursive parsers). Returns the error when the archive is refused.
/// </summary>
internal static class ArchiveGuard
{
    public static IngestionIssue? Check(string path, ReaderOptions options, CancellationToken cancellationToken)
    {
        try
        {
            using var file = File.OpenRead(path);
            using var zip = new ZipArchive(file, ZipArchiveMode.Read);
            if (zip.Entries.Count > options.MaxArchiveEntries)
                return IngestionIssue.Error(IssueCode.ArchiveTooLarge,
                    $"the archive has {zip.Entries.Count:N0} entries, more than the limit of {options.MaxArchiveEntries:N0}; this is not a normal document (a zip bomb?) — export the plan again, or raise ReaderOptions.MaxArchiveEntries");
            var budget = new ByteBudget(options.MaxArchiveUncompressedBytes);
            foreach (var entry in zip.Entries)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (entry.Length > options.MaxArchiveUncompressedBytes) return TooLarge(options);
                using var raw = entry.Open();
                using var counted = new CountingStream(raw, budget);
                if (IsXml(entry.FullName)) CheckXml(counted, options, entry.FullName);
                else counted.CopyTo(Stream.Null);
            }
            return null;
        }
        catch (ArchiveLimitException)
        {
            return TooLarge(options);
        }
        catch (XmlDepthException ex)
        {
            return IngestionIssue.Error(IssueCode.NestingTooDeep,
                $"the part {ex.Part} nests elements deeper than {options.MaxXmlDepth} levels; this is not a normal document — export the plan again").With("limit", options.MaxXmlDepth);
        }
        catch (XmlException ex)
        {
            return IngestionIssue.Error(IssueCode.MalformedXml,
                $"the document contains malformed or disallowed XML ({ex.Message.TrimEnd('.')}); export the plan again from the program that made it");
        }
        catch (InvalidDataException ex)
        {
            return IngestionIssue.Error(IssueCode.Damaged,
                $"the ZIP archive inside the document is damaged or truncated ({ex.Message.TrimEnd('.')}); download or export it again");
        }
    }

    private static IngestionIssue TooLarge(ReaderOptions options) => IngestionIssue.Error(IssueCode.ArchiveTooLarge,
        $"the archive decompresses to more than {options.MaxArchiveUncompressedBytes / (1024 * 1024):N0} MB; this is not a normal document (a zip bomb?) — export the plan again, or raise ReaderOptions.MaxArchiveUncompressedBytes");

    private static bool IsXml(string name) =>
        name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".rels", StringComparison.OrdinalIgnoreCase);

    private static void CheckXml(Stream stream, ReaderOptions options, string part)
    {
        using var reader = XmlReader.Create(stream, SafeXml.Settings(options));
        while (reader.Read())
        {
            if (reader.Depth > options.MaxXmlDepth) throw new XmlDepthException(part);
        }
    }

    internal sealed class XmlDepthException(string part) : Exception($"{part} is nested too deeply.")
    {
        public string Part { get; } = part;
    }
}

/// <summary>XML reader settings that never resolve DTDs or external entities.</summary>
internal static class SafeXml
{
    public static XmlReaderSettings Settings(ReaderOptions options) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 0,
        MaxCharactersInDocument = options.MaxArchiveUncompressedBytes,
        CloseInput = false,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };
}

/// <summary>Thrown when the archive's decompressed bytes exceed the budget.</summary>
internal sealed class ArchiveLimitException() : Exception("The archive decompresses to more bytes than allowed.");

/// <summary>A byte budget shared by all entries of one archive.</summary>
internal sealed class ByteBudget(long limit)
{
    private long _used;

    public void Spend(int count)
    {
        _used += count;
        if (_used > limit) throw new ArchiveLimitException();
    }
}

/// <summary>A read-only stream that charges every byte it delivers to a <see cref="ByteBudget"/>.</summary>
internal sealed class CountingStream(Stream inner, ByteBudget budget) : Stream
{
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override int Read(byte[] buffer, int offset, int count)
    {
        var read = inner.Read(buffer, offset, count);
        budget.Spend(read);
        return read;
    }

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        budget.Spend(read);
        return read;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
