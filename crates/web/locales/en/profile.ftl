# Profile pages (/carers/{id}, /providers/{id}), listen and share.
profile-about = In their own words
profile-about-service = About this service
profile-languages = Languages
profile-reads-writes = reads and writes
profile-reads = reads
profile-food = Food and cooking
profile-faith = Faith
profile-services = Help offered
profile-checks = Checks
profile-no-checks = No check recorded as valid today
profile-check-until = { $check }, valid until { $date }
profile-hours = { $hours ->
    [one] { $hours } hour a week
   *[other] { $hours } hours a week
}
profile-area = Area
profile-area-text = Based in { $area }, travels up to { $km } km
profile-area-drawn = Based at { $area }, serving an area drawn on a map
profile-yes = Yes
profile-accepting = Taking new clients
profile-not-accepting = Not taking new clients at the moment
profile-available-from = can start from { $date }
profile-self-referral = you can contact them yourself
profile-week-caption = A usual week
profile-week-free = free
profile-week-partly = part of the time
profile-week-busy = not free
profile-exact-times = Exact times: { $times }
profile-reach = How to reach them
profile-reach-carer = Personal assistants are reached through the agency that holds their record, never directly: the agency checks who you are and arranges a first meeting.
profile-opening-hours = Opening hours
profile-cqc = CQC location { $id }
listen-button = Listen
listen-stop = Stop
share-title = Share
share-whatsapp = WhatsApp
share-sms = Text message
share-email = E-mail
share-subject = Care found on carematch
share-text-carer = { $name }, a personal assistant I found on carematch:
share-text-provider = { $name }, a service I found on carematch:
share-text-shortlist = My shortlist of carers on carematch:
