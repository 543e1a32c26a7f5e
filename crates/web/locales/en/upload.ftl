# The agency console's register upload: a re-upload previewed before it is saved (agency_upload.rs).
agency-upload-applied = Updated { $updated }, added { $added }; { $unchanged } unchanged.
agency-upload-preview-title = Check before saving
agency-upload-preview = This file updates { $updated } of your PAs and adds { $added } new ones; { $unchanged } are unchanged. Nothing is saved until you confirm.
agency-upload-will-update = { $count ->
    [one] This PA will be updated:
   *[other] These { $count } PAs will be updated:
}
agency-upload-will-add = { $count ->
    [one] This PA will be added:
   *[other] These { $count } PAs will be added:
}
agency-upload-preview-note = Rows are matched to your PAs by their reference (external_ref); an updated PA gets the file's details in full.
agency-upload-confirm = Save these changes
agency-upload-cancel = Cancel
