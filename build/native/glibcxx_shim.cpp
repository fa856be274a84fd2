// libphysml_glibcxx_shim.so: supplies the one libstdc++ symbol that TorchSharp's native library needs from
// GLIBCXX_3.4.32 (GCC 13) and that older libstdc++ builds (Debian 12 stops at GLIBCXX_3.4.30) do not have.
//
// GCC 13 moved the initialisation of the standard streams (std::cout, ...) into libstdc++ itself and made every
// translation unit that includes <iostream> reference std::ios_base_library_init() only to force that part of
// libstdc++ to be linked. The function does nothing a caller relies on: an older libstdc++ initialises its streams
// through the static std::ios_base::Init objects instead. A no-op definition is therefore a faithful stand-in.
//
// Built and placed beside libLibTorchSharp.so by build/TorchSharpNativeFixup.targets (README "Platform notes").

namespace std
{
    // Exported unversioned; ld.so binds the GLIBCXX_3.4.32 reference to it once that version is marked weak.
    __attribute__((visibility("default"))) void ios_base_library_init() {}
}
