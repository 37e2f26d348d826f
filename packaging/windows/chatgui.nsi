; chatgui's Windows installer: a per-user install (no administrator rights, no UAC prompt)
; of the PyInstaller bundle into %LOCALAPPDATA%\Programs\chatgui, with a Start-menu
; shortcut and an uninstaller listed in Settings > Apps.
;
;   makensis -DVERSION=0.1.0 -DBUNDLE=dist\chatgui -DICON=build\icons\chatgui.ico ^
;            -DOUTFILE=dist\chatgui-0.1.0-windows-x64-setup.exe packaging\windows\chatgui.nsi
;
; packaging/build.py passes these on Windows; packaging/ci.sh parses the script on Linux.

Unicode true
; The 64-bit stub: the app is x64-only, and a 32-bit installer on a 64-bit-only Wine exits 0
; having installed nothing, so CI could not run what users get (issue 16). Debian's nsis has
; the amd64-unicode stubs; packaging/windows/wine_build.py checks the result is an x64 program.
Target amd64-unicode
SetCompressor /SOLID lzma

!ifndef VERSION
  !error "pass -DVERSION=x.y.z (packaging/build.py does)"
!endif
!ifndef BUNDLE
  !error "pass -DBUNDLE=path\to\dist\chatgui"
!endif
!ifndef OUTFILE
  !define OUTFILE "chatgui-${VERSION}-windows-x64-setup.exe"
!endif

!define APPNAME "chatgui"
!define PUBLISHER "The chatgui developers"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APPNAME}"

!include "MUI2.nsh"

Name "${APPNAME} ${VERSION}"
OutFile "${OUTFILE}"
; Per user: no administrator rights, so no UAC prompt and nothing written outside the profile.
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\${APPNAME}"
InstallDirRegKey HKCU "${UNINSTKEY}" "InstallLocation"
BrandingText "${APPNAME} ${VERSION}"
VIProductVersion "${VERSION}.0"
VIAddVersionKey "ProductName" "${APPNAME}"
VIAddVersionKey "ProductVersion" "${VERSION}"
VIAddVersionKey "FileVersion" "${VERSION}"
VIAddVersionKey "FileDescription" "${APPNAME} installer"
VIAddVersionKey "CompanyName" "${PUBLISHER}"
VIAddVersionKey "LegalCopyright" "${PUBLISHER}"

!ifdef ICON
  !define MUI_ICON "${ICON}"
  !define MUI_UNICON "${ICON}"
!endif
!define MUI_FINISHPAGE_RUN "$INSTDIR\chatgui.exe"
!define MUI_FINISHPAGE_RUN_TEXT "Start chatgui now"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "SimpChinese"

Section "chatgui" SecMain
  SectionIn RO
  SetShellVarContext current
  ; A previous version's files go first, so nothing stale is left beside the new ones.
  RMDir /r "$INSTDIR\_internal"
  SetOutPath "$INSTDIR"
  File /r "${BUNDLE}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortcut "$SMPROGRAMS\${APPNAME}.lnk" "$INSTDIR\chatgui.exe" "" "$INSTDIR\chatgui.exe" 0

  ; Registered under HKCU so Settings > Apps lists it for this user, without admin rights.
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayName" "${APPNAME}"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTKEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayIcon" "$INSTDIR\chatgui.exe"
  WriteRegStr HKCU "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTKEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTKEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  SetShellVarContext current
  Delete "$SMPROGRAMS\${APPNAME}.lnk"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\chatgui.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTKEY}"
  ; The user's chat settings (HKCU\Software\chatgui) are theirs: a reinstall finds them again.
SectionEnd
