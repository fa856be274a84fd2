// MSBuild task behind build/TorchSharpNativeFixup.targets, compiled by RoslynCodeTaskFactory (no Python, no extra
// tools beyond patchelf). It makes TorchSharp's libLibTorchSharp.so loadable with a libstdc++ older than GCC 13.
//
// Why: libLibTorchSharp.so was linked against GCC 13's libstdc++, which versions exactly one of the symbols it uses,
// std::ios_base_library_init(), as GLIBCXX_3.4.32. Debian 12's libstdc++ stops at GLIBCXX_3.4.30. When ld.so loads
// a library it checks every version listed in its .gnu.version_r (Verneed/Vernaux entries) against the providing
// library, and a missing version is fatal ("version `GLIBCXX_3.4.32' not found") -- unless the Vernaux entry carries
// VER_FLG_WEAK. For a weak entry ld.so only notes the absence (visible with LD_DEBUG=versions) and goes on; the
// symbols that use that version are then bound like any other symbol, by name, to the first definition in the load
// order. Our shim library (build/native/glibcxx_shim.cpp, added as DT_NEEDED with RUNPATH $ORIGIN) provides that
// definition as a no-op, which is what the function amounts to on an older libstdc++.
//
// The task is idempotent: each of the three edits (weak flag, DT_NEEDED shim, RUNPATH $ORIGIN) is applied only when
// the file lacks it, so an already patched file is left untouched (not even its timestamp changes).
// Edits go to a temporary copy that replaces the file at the end: the file may be a hard or symbolic link into the
// NuGet cache, which must never be modified.
namespace PhysML.Build
{
    using System;
    using System.Collections.Generic;
    using System.Diagnostics;
    using System.IO;
    using System.Text;
    using Microsoft.Build.Framework;
    using Microsoft.Build.Utilities;

    public sealed class FixupTorchSharpNative : Task
    {
        /// <summary>The libLibTorchSharp.so to patch, in place.</summary>
        [Required] public string Library { get; set; } = "";

        /// <summary>File name of the shim library, which the caller places beside <see cref="Library"/>.</summary>
        [Required] public string ShimFileName { get; set; } = "";

        /// <summary>The symbol version that the system libstdc++ lacks.</summary>
        public string MissingVersion { get; set; } = "GLIBCXX_3.4.32";

        public string PatchElf { get; set; } = "patchelf";

        /// <summary>True when the file was changed (false: it was already patched, or needs no patch).</summary>
        [Output] public bool Changed { get; set; }

        public override bool Execute()
        {
            try
            {
                ElfInfo before = ElfInfo.Read(Library, MissingVersion);
                if (before.VernauxFlagsOffset < 0)
                {
                    Log.LogMessage(MessageImportance.Normal,
                        "PhysML: {0} does not require {1}; no fix-up needed.", Library, MissingVersion);
                    return true;
                }
                if (before.IsPatched(ShimFileName))
                {
                    Log.LogMessage(MessageImportance.Low, "PhysML: {0} is already patched.", Library);
                    return true;
                }

                string temp = Library + ".physml-tmp";
                File.Copy(Library, temp, overwrite: true);
                try
                {
                    var args = new List<string>();
                    if (!before.Needed.Contains(ShimFileName)) { args.Add("--add-needed"); args.Add(ShimFileName); }
                    if (before.RunPath != "$ORIGIN") { args.Add("--set-rpath"); args.Add("$ORIGIN"); }
                    if (args.Count > 0 && !RunPatchElf(args, temp))
                        return false;

                    // Set the flag after patchelf, which may move sections around.
                    ElfInfo mid = ElfInfo.Read(temp, MissingVersion);
                    if (mid.VernauxFlagsOffset < 0)
                        return Fail("the " + MissingVersion + " version requirement vanished after patchelf");
                    ushort flags = (ushort)(mid.VernauxFlags | ElfInfo.VerFlgWeak);
                    using (var stream = new FileStream(temp, FileMode.Open, FileAccess.Write))
                    {
                        stream.Position = mid.VernauxFlagsOffset;
                        stream.WriteByte((byte)flags);
                        stream.WriteByte((byte)(flags >> 8));
                    }

                    ElfInfo after = ElfInfo.Read(temp, MissingVersion);
                    if (!after.IsPatched(ShimFileName))
                        return Fail("the patched file does not verify (weak flag, DT_NEEDED or RUNPATH missing)");

                    // Replace rather than overwrite, so a link to the NuGet cache is broken, not written through.
                    File.Delete(Library);
                    File.Move(temp, Library);
                }
                finally
                {
                    if (File.Exists(temp)) File.Delete(temp);
                }

                Changed = true;
                Log.LogMessage(MessageImportance.Normal,
                    "PhysML: patched {0} for a libstdc++ without {1} (weak version, NEEDED {2}, RUNPATH $ORIGIN).",
                    Library, MissingVersion, ShimFileName);
                return true;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is InvalidDataException)
            {
                return Fail(e.Message);
            }
        }

        private bool RunPatchElf(List<string> args, string file)
        {
            var start = new ProcessStartInfo(PatchElf)
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            // No shell is involved, so $ORIGIN stays literal; quote every argument for the paths.
            args.Add(file);
            start.Arguments = string.Join(" ", args.ConvertAll(a => "\"" + a.Replace("\"", "\\\"") + "\""));
            Process process;
            try
            {
                process = Process.Start(start) ?? throw new InvalidOperationException("no process");
            }
            catch (Exception e) when (e is System.ComponentModel.Win32Exception || e is InvalidOperationException)
            {
                return Fail("'" + PatchElf + "' could not be started (" + e.Message
                    + "). It is a Debian package: run scripts/bootstrap.sh");
            }
            using (process)
            {
                string stdout = process.StandardOutput.ReadToEnd();
                string stderr = process.StandardError.ReadToEnd();
                process.WaitForExit();
                if (process.ExitCode != 0)
                    return Fail("'" + PatchElf + " " + string.Join(" ", args) + "' exited with " + process.ExitCode
                        + ": " + (stderr + stdout).Trim());
            }
            return true;
        }

        private bool Fail(string why)
        {
            Log.LogError(null, "PML0402", null, Library, 0, 0, 0, 0,
                "PhysML: could not patch TorchSharp's native library '{0}' for this system's libstdc++: {1}. "
                + "Without the patch TorchSharp fails to load (\"{2} not found\"). See README \"Platform notes\".",
                Library, why, MissingVersion);
            return false;
        }
    }

    /// <summary>
    /// The parts of an ELF64 little-endian shared object that the fix-up reads: the Vernaux entry of one
    /// required version (from .gnu.version_r), DT_NEEDED and DT_RUNPATH (from .dynamic).
    /// </summary>
    internal sealed class ElfInfo
    {
        private const uint ShtDynamic = 6;
        private const uint ShtGnuVerneed = 0x6ffffffe;   // .gnu.version_r
        private const long DtNull = 0, DtNeeded = 1, DtRunPath = 29;
        public const ushort VerFlgWeak = 0x2;

        /// <summary>File offset of vna_flags of the wanted version, or -1 when the file does not require it.</summary>
        public long VernauxFlagsOffset = -1;
        public ushort VernauxFlags;
        public readonly List<string> Needed = new List<string>();
        public string RunPath = "";

        public bool IsPatched(string shim) =>
            VernauxFlagsOffset < 0
            || ((VernauxFlags & VerFlgWeak) != 0 && Needed.Contains(shim) && RunPath == "$ORIGIN");

        public static ElfInfo Read(string path, string version)
        {
            byte[] b = File.ReadAllBytes(path);
            if (b.Length < 64 || b[0] != 0x7f || b[1] != (byte)'E' || b[2] != (byte)'L' || b[3] != (byte)'F')
                throw new InvalidDataException(path + " is not an ELF file");
            if (b[4] != 2 || b[5] != 1)
                throw new InvalidDataException(path + " is not a 64-bit little-endian ELF file");

            long shoff = (long)U64(b, 0x28);
            int shentsize = U16(b, 0x3A);
            long shnum = U16(b, 0x3C);
            long shstrndx = U16(b, 0x3E);
            if (shoff <= 0 || shentsize < 64)
                throw new InvalidDataException(path + " has no section headers");
            // Extended numbering (ELF gABI): counts that do not fit live in section header 0.
            if (shnum == 0) shnum = (long)U64(b, Check(b, shoff + 0x20, 8));
            if (shstrndx == 0xffff) shstrndx = U32(b, Check(b, shoff + 0x28, 4));

            var info = new ElfInfo();
            for (long i = 0; i < shnum; i++)
            {
                long sh = Check(b, shoff + i * shentsize, 64);
                uint type = U32(b, sh + 0x04);
                if (type != ShtGnuVerneed && type != ShtDynamic) continue;
                long offset = (long)U64(b, sh + 0x18);
                long size = (long)U64(b, sh + 0x20);
                long strtab = (long)U64(b, Check(b, shoff + U32(b, sh + 0x28) * shentsize, 64) + 0x18);
                Check(b, offset, size);
                if (type == ShtGnuVerneed)
                {
                    string name = Str(b, (long)U64(b, Check(b, shoff + shstrndx * shentsize, 64) + 0x18) + U32(b, sh));
                    if (name != ".gnu.version_r")
                        throw new InvalidDataException(path + ": SHT_GNU_verneed section is named '" + name + "'");
                    info.ReadVerneed(b, offset, U32(b, sh + 0x2C), strtab, version);
                }
                else
                {
                    info.ReadDynamic(b, offset, size, strtab);
                }
            }
            return info;
        }

        // Elf64_Verneed: vn_version u16, vn_cnt u16, vn_file u32, vn_aux u32, vn_next u32 (16 bytes), followed
        // (at vn_aux) by vn_cnt Elf64_Vernaux: vna_hash u32, vna_flags u16, vna_other u16, vna_name u32,
        // vna_next u32. Offsets are relative to the entry; names index the linked string table (.dynstr).
        private void ReadVerneed(byte[] b, long section, uint count, long strtab, string version)
        {
            long vn = section;
            for (uint n = 0; n < count; n++)
            {
                Check(b, vn, 16);
                int auxCount = U16(b, vn + 2);
                long aux = vn + U32(b, vn + 8);
                for (int a = 0; a < auxCount; a++)
                {
                    Check(b, aux, 16);
                    if (Str(b, strtab + U32(b, aux + 8)) == version)
                    {
                        VernauxFlagsOffset = aux + 4;
                        VernauxFlags = U16(b, aux + 4);
                        return;
                    }
                    uint nextAux = U32(b, aux + 12);
                    if (nextAux == 0) break;
                    aux += nextAux;
                }
                uint next = U32(b, vn + 12);
                if (next == 0) break;
                vn += next;
            }
        }

        // Elf64_Dyn: d_tag i64, d_val u64.
        private void ReadDynamic(byte[] b, long section, long size, long strtab)
        {
            for (long d = section; d + 16 <= section + size; d += 16)
            {
                long tag = (long)U64(b, d);
                if (tag == DtNull) break;
                if (tag == DtNeeded) Needed.Add(Str(b, strtab + (long)U64(b, d + 8)));
                else if (tag == DtRunPath) RunPath = Str(b, strtab + (long)U64(b, d + 8));
            }
        }

        private static long Check(byte[] b, long offset, long length)
        {
            if (offset < 0 || length < 0 || offset + length > b.Length)
                throw new InvalidDataException("ELF structure points outside the file (offset " + offset + ")");
            return offset;
        }

        private static ushort U16(byte[] b, long o) { Check(b, o, 2); return (ushort)(b[o] | b[o + 1] << 8); }
        private static uint U32(byte[] b, long o) { Check(b, o, 4); return (uint)(U16(b, o) | U16(b, o + 2) << 16); }
        private static ulong U64(byte[] b, long o) => U32(b, o) | (ulong)U32(b, o + 4) << 32;

        private static string Str(byte[] b, long o)
        {
            Check(b, o, 1);
            long end = o;
            while (end < b.Length && b[end] != 0) end++;
            return Encoding.ASCII.GetString(b, (int)o, (int)(end - o));
        }
    }
}
