using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Verdant.Core.Numerics;

/// <summary>
/// The native entry points Verdant binds: OpenBLAS, resolved to Debian's soname (no dev symlink is installed), and glibc's
/// <c>madvise</c> for <see cref="HugePages"/>.
/// </summary>
internal static unsafe partial class NativeMethods
{
    internal const string OpenBlasFileName = "libopenblas.so.0";
    internal const int CblasRowMajor = 101;
    internal const int CblasNoTrans = 111;
    internal const int CblasTrans = 112;
    internal const int MadvHugePage = 14;

    private const string OpenBlas = "openblas";
    private static readonly Lock Gate = new();
    private static nint _openBlas;

    /// <summary>Loads OpenBLAS once and routes the "openblas" imports to it.</summary>
    /// <exception cref="NativeLibraryMissingException">The library is not installed.</exception>
    internal static void EnsureLoaded()
    {
        lock (Gate)
        {
            if (_openBlas != 0)
            {
                return;
            }

            _openBlas = Load(OpenBlasFileName);
            // A resolver can be registered only once per assembly; this is the one for Verdant.Core.
            NativeLibrary.SetDllImportResolver(typeof(NativeMethods).Assembly, Resolve);
        }
    }

    /// <summary>Loads <paramref name="fileName"/> or throws the one-line message naming the Debian package.</summary>
    internal static nint Load(string fileName)
    {
        if (NativeLibrary.TryLoad(fileName, out nint handle))
        {
            return handle;
        }

        throw new NativeLibraryMissingException(
            $"OpenBLAS could not be loaded ({fileName}): install the Debian package libopenblas0-pthread");
    }

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
        => libraryName == OpenBlas ? _openBlas : 0;

    [LibraryImport(OpenBlas, EntryPoint = "cblas_sgemm")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    internal static partial void CblasSgemm(int order, int transA, int transB, int m, int n, int k, float alpha,
        float* a, int lda, float* b, int ldb, float beta, float* c, int ldc);

    [LibraryImport(OpenBlas, EntryPoint = "openblas_set_num_threads")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    internal static partial void OpenBlasSetNumThreads(int threads);

    [LibraryImport(OpenBlas, EntryPoint = "openblas_get_num_threads")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    internal static partial int OpenBlasGetNumThreads();

    // Called only on Linux (HugePages checks); glibc's soname, as no libc.so symlink is installed without the dev package.
    [LibraryImport("libc.so.6", EntryPoint = "madvise")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    internal static partial int Madvise(nint address, nuint length, int advice);
}
