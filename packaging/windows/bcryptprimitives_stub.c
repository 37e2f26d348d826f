/*
 * A stand-in for Windows' bcryptprimitives.dll, for running the Windows bundle under Wine in CI only.
 *
 * Rust's standard library (since 1.78) takes its random bytes from ProcessPrng in
 * bcryptprimitives.dll, which Windows 10 and later have and Wine 8.0 does not, so the loader
 * refuses cryptography's _rust.pyd. This ProcessPrng asks Wine's bcrypt.dll for the system's
 * random bytes (BCryptGenRandom with the system-preferred generator), as Windows' does.
 * packaging/windows/wine_build.py compiles it with Debian's mingw-w64 into the Wine prefix's
 * system32. It is never bundled or shipped.
 *
 *   x86_64-w64-mingw32-gcc -shared -O2 -s -o bcryptprimitives.dll bcryptprimitives_stub.c -lbcrypt
 */
#include <windows.h>
#include <bcrypt.h>

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
    while (length > 0) {
        ULONG chunk = length > 0x40000000 ? 0x40000000 : (ULONG)length;
        if (!BCRYPT_SUCCESS(BCryptGenRandom(NULL, data, chunk, BCRYPT_USE_SYSTEM_PREFERRED_RNG))) {
            return FALSE;
        }
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
