# Freshness and edit history (issue 18): result cards, profiles, shortlist, agency console.
fresh-confirmed-ago = { $days ->
    [0] Confirmed today
    [one] Confirmed { $days } day ago
   *[other] Confirmed { $days } days ago
}
fresh-stale = Hidden from the public: not confirmed for 180 days. Confirm to list again.
fresh-reminded = Reminder sent on { $date }
fresh-deleted-title = Deleted PAs
fresh-deleted-none = No deleted PAs.
fresh-deleted-intro = Deleted PAs are kept and can be restored. Restoring puts them back in search and matching.
fresh-restore = Restore { $name }
fresh-restored = Restored: { $name }.
fresh-history-link = History of { $name }
fresh-history-title = Changes to { $name }
fresh-history-intro = Who changed this record and which fields, newest first. Values are never kept here.
fresh-history-none = No changes recorded yet.
fresh-history-more = { $count ->
    [one] { $count } change in all; the newest are shown.
   *[other] { $count } changes in all; the newest are shown.
}
fresh-back = Back to the console
fresh-col-when = When
fresh-col-what = Change
fresh-col-who = By
fresh-col-fields = Fields
fresh-op-create = Created
fresh-op-update = Edited
fresh-op-delete = Deleted
fresh-op-restore = Restored
fresh-op-confirm = Confirmed as still true
fresh-op-vet = Vetting decided
fresh-op-stale = Hidden as not confirmed
