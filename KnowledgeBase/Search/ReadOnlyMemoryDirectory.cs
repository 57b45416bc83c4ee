using Lucene.Net.Store;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Asystent.KnowledgeBase.Search;

/// <summary>
/// A published index generation read once into memory and never written again. Lucene clones an
/// input for every term it looks up; here a clone is a copy of two fields, whereas a memory-mapped
/// input registers each clone in a weak table and <see cref="RAMDirectory"/> takes a lock on every
/// buffer switch, which under load cost more than the search itself.
/// </summary>
internal sealed class ReadOnlyMemoryDirectory : BaseDirectory
{
    private readonly Dictionary<string, byte[]> files;

    private ReadOnlyMemoryDirectory(Dictionary<string, byte[]> files)
    {
        this.files = files;
        SetLockFactory(NoLockFactory.GetNoLockFactory());
    }

    public static ReadOnlyMemoryDirectory Load(string folder) =>
        new(System.IO.Directory.EnumerateFiles(folder).ToDictionary(file => Path.GetFileName(file), File.ReadAllBytes, StringComparer.Ordinal));

    public override string[] ListAll() => [.. files.Keys];

    [Obsolete("Lucene marks this obsolete; it is still part of the Directory contract.")]
    public override bool FileExists(string name) => files.ContainsKey(name);

    public override long FileLength(string name) => Bytes(name).LongLength;

    public override IndexInput OpenInput(string name, IOContext context) => new Input(name, Bytes(name));

    public override void DeleteFile(string name) => throw ReadOnly();

    public override IndexOutput CreateOutput(string name, IOContext context) => throw ReadOnly();

    public override void Sync(ICollection<string> names)
    {
        // Nothing is ever written.
    }

    protected override void Dispose(bool disposing)
    {
        // The arrays go with the directory.
    }

    private byte[] Bytes(string name) =>
        files.TryGetValue(name, out var bytes) ? bytes : throw new FileNotFoundException($"No file {name} in this index generation.", name);

    private static NotSupportedException ReadOnly() => new("A published index generation is read-only.");

    private sealed class Input(string name, byte[] bytes) : IndexInput(name)
    {
        private int position;

        public override long Position => position;

        public override long Length => bytes.Length;

        public override byte ReadByte() =>
            position < bytes.Length ? bytes[position++] : throw new EndOfStreamException($"Read past the end of {ToString()}.");

        public override void ReadBytes(byte[] b, int offset, int len)
        {
            if (len > bytes.Length - position)
            {
                throw new EndOfStreamException($"Read past the end of {ToString()}.");
            }

            Buffer.BlockCopy(bytes, position, b, offset, len);
            position += len;
        }

        public override void Seek(long pos)
        {
            if (pos < 0 || pos > bytes.Length)
            {
                throw new EndOfStreamException($"Seek outside {ToString()}.");
            }

            position = (int)pos;
        }

        public override object Clone() => MemberwiseClone();

        protected override void Dispose(bool disposing)
        {
            // Nothing to release: the bytes belong to the directory.
        }
    }
}
