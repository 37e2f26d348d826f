/*
 * A stand-in for Windows' own icuuc.dll, for running the Windows bundle under Wine in CI only.
 *
 * Qt6Core.dll imports 20 ucnv_* functions from the ICU that Windows 10 1903 and later ship in
 * System32; Wine has no icuuc.dll, so without this the loader refuses Qt6Core.dll outright.
 * Every converter open fails (U_FILE_ACCESS_ERROR), so Qt falls back to its own UTF-8/UTF-16
 * and Latin-1 codecs; nothing here converts text. packaging/windows/wine_build.py compiles it
 * with Debian's mingw-w64 into the Wine prefix's system32. It is never bundled or shipped.
 *
 *   x86_64-w64-mingw32-gcc -shared -O2 -s -o icuuc.dll icuuc_stub.c
 */
#include <stddef.h>
#include <stdint.h>

typedef int32_t UErrorCode;
typedef uint16_t UChar;
typedef int8_t UBool;
typedef struct UConverter UConverter;
typedef void (*UConverterCallback)(void);

#define U_ILLEGAL_ARGUMENT_ERROR 1
#define U_FILE_ACCESS_ERROR 4
#define EXPORT __declspec(dllexport)

static void fail(UErrorCode *err, UErrorCode code) {
    if (err != NULL && *err <= 0) {
        *err = code;
    }
}

EXPORT UConverter *ucnv_open(const char *name, UErrorCode *err) {
    (void)name;
    fail(err, U_FILE_ACCESS_ERROR);
    return NULL;
}
EXPORT void ucnv_close(UConverter *cnv) { (void)cnv; }
EXPORT void ucnv_reset(UConverter *cnv) { (void)cnv; }
EXPORT int8_t ucnv_getMaxCharSize(const UConverter *cnv) {
    (void)cnv;
    return 1;
}
EXPORT const char *ucnv_getName(const UConverter *cnv, UErrorCode *err) {
    (void)cnv;
    fail(err, U_ILLEGAL_ARGUMENT_ERROR);
    return NULL;
}
EXPORT void ucnv_getToUCallBack(const UConverter *cnv, UConverterCallback *action, const void **context) {
    (void)cnv;
    if (action != NULL) *action = NULL;
    if (context != NULL) *context = NULL;
}
EXPORT void ucnv_getFromUCallBack(const UConverter *cnv, UConverterCallback *action, const void **context) {
    (void)cnv;
    if (action != NULL) *action = NULL;
    if (context != NULL) *context = NULL;
}
EXPORT void ucnv_setToUCallBack(UConverter *cnv, UConverterCallback action, const void *context,
                                UConverterCallback *old_action, const void **old_context, UErrorCode *err) {
    (void)cnv, (void)action, (void)context, (void)old_action, (void)old_context;
    fail(err, U_ILLEGAL_ARGUMENT_ERROR);
}
EXPORT void ucnv_setFromUCallBack(UConverter *cnv, UConverterCallback action, const void *context,
                                  UConverterCallback *old_action, const void **old_context, UErrorCode *err) {
    (void)cnv, (void)action, (void)context, (void)old_action, (void)old_context;
    fail(err, U_ILLEGAL_ARGUMENT_ERROR);
}
EXPORT void ucnv_cbToUWriteUChars(void *args, const UChar *source, int32_t length, int32_t offset, UErrorCode *err) {
    (void)args, (void)source, (void)length, (void)offset;
    fail(err, U_ILLEGAL_ARGUMENT_ERROR);
}
EXPORT void ucnv_cbFromUWriteUChars(void *args, const UChar **source, const UChar *limit, int32_t offset,
                                    UErrorCode *err) {
    (void)args, (void)source, (void)limit, (void)offset;
    fail(err, U_ILLEGAL_ARGUMENT_ERROR);
}
EXPORT void ucnv_toUnicode(UConverter *cnv, UChar **target, const UChar *target_limit, const char **source,
                           const char *source_limit, int32_t *offsets, UBool flush, UErrorCode *err) {
    (void)cnv, (void)target, (void)target_limit, (void)source, (void)source_limit, (void)offsets, (void)flush;
    fail(err, U_ILLEGAL_ARGUMENT_ERROR);
}
EXPORT void ucnv_fromUnicode(UConverter *cnv, char **target, const char *target_limit, const UChar **source,
                             const UChar *source_limit, int32_t *offsets, UBool flush, UErrorCode *err) {
    (void)cnv, (void)target, (void)target_limit, (void)source, (void)source_limit, (void)offsets, (void)flush;
    fail(err, U_ILLEGAL_ARGUMENT_ERROR);
}
EXPORT int32_t ucnv_toUCountPending(const UConverter *cnv, UErrorCode *err) {
    (void)cnv;
    fail(err, U_ILLEGAL_ARGUMENT_ERROR);
    return 0;
}
EXPORT int32_t ucnv_fromUCountPending(const UConverter *cnv, UErrorCode *err) {
    (void)cnv;
    fail(err, U_ILLEGAL_ARGUMENT_ERROR);
    return 0;
}
EXPORT const char *ucnv_getStandardName(const char *name, const char *standard, UErrorCode *err) {
    (void)name, (void)standard;
    fail(err, U_ILLEGAL_ARGUMENT_ERROR);
    return NULL;
}
EXPORT const char *ucnv_getAvailableName(int32_t n) {
    (void)n;
    return NULL;
}
EXPORT int32_t ucnv_countAvailable(void) { return 0; }
/* The callbacks Qt installs: never called, since no converter ever opens. */
EXPORT void UCNV_FROM_U_CALLBACK_SUBSTITUTE(void) {}
EXPORT void UCNV_TO_U_CALLBACK_SUBSTITUTE(void) {}
