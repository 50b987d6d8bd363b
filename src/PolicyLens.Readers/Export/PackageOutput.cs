namespace PolicyLens.Readers.Export;

/// <summary>
/// The OpenXml packaging layer needs a readable, writable, seekable stream; an HTTP response or a
/// write-only file is none of these, so such outputs get the package through a memory buffer.
/// </summary>
internal static class PackageOutput
{
    public static void Write(Stream output, Action<Stream> writePackage)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (output.CanSeek && output.CanRead && output.CanWrite)
        {
            writePackage(output);
            return;
        }
        using var buffer = new MemoryStream();
        writePackage(buffer);
        buffer.Position = 0;
        buffer.CopyTo(output);
    }
}
