# The agency console's register upload: a re-upload previewed before it is saved (agency_upload.rs).
agency-upload-applied = { $updated } અપડેટ કર્યા, { $added } ઉમેર્યા; { $unchanged } બદલાયા નથી.
agency-upload-preview-title = સાચવતાં પહેલાં તપાસો
agency-upload-preview = આ ફાઇલ તમારા { $updated } પીએ અપડેટ કરે છે અને { $added } નવા ઉમેરે છે; { $unchanged } બદલાયા નથી. તમે ખાતરી ન કરો ત્યાં સુધી કંઈ સચવાતું નથી.
agency-upload-will-update = { $count ->
    [one] આ પીએ અપડેટ થશે:
   *[other] આ { $count } પીએ અપડેટ થશે:
}
agency-upload-will-add = { $count ->
    [one] આ પીએ ઉમેરાશે:
   *[other] આ { $count } પીએ ઉમેરાશે:
}
agency-upload-preview-note = પંક્તિઓ તમારા પીએ સાથે તેમના સંદર્ભ (external_ref) દ્વારા મેળવાય છે; અપડેટ થયેલા પીએને ફાઇલની પૂરી વિગતો મળે છે.
agency-upload-confirm = આ ફેરફારો સાચવો
agency-upload-cancel = રદ કરો
