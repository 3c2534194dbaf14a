namespace Verdant.Core.Numerics;

/// <summary>A native library Verdant needs could not be loaded; the message names the Debian package that provides it.</summary>
public sealed class NativeLibraryMissingException : Exception
{
    /// <summary>Creates the exception.</summary>
    public NativeLibraryMissingException() { }

    /// <summary>Creates the exception with a message.</summary>
    public NativeLibraryMissingException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and cause.</summary>
    public NativeLibraryMissingException(string message, Exception inner) : base(message, inner) { }
}
