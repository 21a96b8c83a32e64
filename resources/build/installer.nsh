; Included by electron-builder's NSIS template (electron-builder.ts: nsis.include).
; The uninstaller shows one optional, unticked component: delete the owner's data folder
; (settings, offline cache, saved AppSecret). Silent uninstalls — which is how an update replaces
; the old version — never tick it, so updates always keep the data.

; 2052 = Simplified Chinese, 1033 = English (the ids electron-builder's own messages use).
LangString deleteDataName 2052 "同时删除本机数据（设置、离线缓存、保存的 AppSecret）"
LangString deleteDataName 1033 "Also delete my data on this computer (settings, offline cache, saved AppSecret)"

!macro customUnInstallSection
  Section /o "un.$(deleteDataName)"
    ${ifNot} ${isUpdated}
      ; Electron keeps app data per user, also for an all-users install.
      ${if} $installMode == "all"
        SetShellVarContext current
      ${endif}
      RMDir /r "$APPDATA\${PRODUCT_NAME}"
      ${if} $installMode == "all"
        SetShellVarContext all
      ${endif}
    ${endif}
  SectionEnd
!macroend
