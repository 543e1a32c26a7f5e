# Help pages (/help). A council can replace any of these messages, and add `help-council`
# (its own note, shown on every help page), from `<help_dir>/en/help.ftl`; see docs/web.md.
# List messages: one item per line.

help-title = Help with care and direct payments
help-intro = Plain answers to the questions people ask most when they arrange care with a direct payment in England. Your council's rules come first: ask it or its direct payment support service when in doubt.
help-sources = Sources (in English)
help-disclaimer = This is general information, not legal or financial advice. Your council decides what your direct payment can be used for.
help-back = All help topics

help-source-apply = GOV.UK: Apply for direct payments
help-source-guidance = Department of Health and Social Care: Care and support statutory guidance, chapter 12 (Direct payments)
help-source-regulations = The Care and Support (Direct Payments) Regulations 2014, regulation 3
help-source-skills-for-care = Skills for Care: Employing a PA toolkit, recruiting a PA

help-dp-title = What a direct payment can pay for
help-dp-summary = Care and support that meets the needs in your support plan, and what it cannot be spent on.
help-dp-intro = A direct payment is money from your council, instead of care the council arranges, so that you can choose and arrange your own care and support. You can have one if the council has assessed you as having eligible needs and you (or someone acting for you) can manage it.
help-dp-can-heading = It can pay for
help-dp-can =
    A personal assistant (PA) you employ yourself
    A home care agency you choose
    Day activities, clubs and groups that meet needs in your plan, such as a community lunch club
    Short breaks, including a short stay in a care home (usually up to four weeks in a row in a year)
    Equipment or small changes at home that your plan lists
    Help to manage the payment: payroll, insurance and a support service
help-dp-cannot-heading = It cannot pay for
help-dp-cannot =
    Living in a care home long term
    Services the council itself runs
    Anything that does not meet a need in your support plan
    Paying your husband, wife or partner, or a close relative who lives with you, unless the council agrees it is necessary (see "When a family member can be paid as a PA")
help-dp-plan-heading = Your support plan decides
help-dp-plan = What you buy must meet the needs and outcomes written in your support plan. Keep receipts, timesheets and bank statements: the council checks how the money is spent, usually every few months. If your needs change, ask for a review.

help-employ-title = Employing a PA yourself or through an agency
help-employ-summary = Being an employer, using an agency, and the help in between.
help-employ-intro = You can use a direct payment to employ a personal assistant yourself, or to pay an agency that employs the care worker. Many people choose a PA because they can pick someone who speaks their language, cooks their food and understands their faith.
help-employ-self-heading = Employing a PA yourself
help-employ-self = When you employ a PA, you are their employer, with an employer's duties:
help-employ-duties =
    A written contract and a job description
    At least the National Minimum Wage, holiday pay and sick pay
    Payroll: tax and National Insurance through PAYE, and a workplace pension when the rules require one
    Employer's liability insurance
    Checking the right to work in the UK, references and, for personal care, an enhanced DBS check
    Cover when your PA is ill or on holiday
help-employ-agency-heading = Using an agency
help-employ-agency = An agency employs, trains and replaces the care workers, and must be registered with the Care Quality Commission (CQC) when it gives personal care. It costs more per hour, and you have less say over who comes; ask whether the agency can send the same people who speak your language.
help-employ-support-heading = Help in between
help-employ-support = Most councils fund a direct payment support service. It can help you recruit, write a contract, run the payroll and find insurance; some hold the money for you in a managed account. Ask your council who runs it where you live.

help-family-title = When a family member can be paid as a PA
help-family-summary = A relative who lives elsewhere usually can; one who lives with you only if the council agrees.
help-family-intro = The law in England limits paying relatives from a direct payment, but it does not forbid it. What matters is who they are to you and whether they live with you. The council decides in each case.
help-family-elsewhere-heading = A relative who lives elsewhere
help-family-elsewhere = A relative who lives in a different household, such as a daughter, nephew or cousin with their own home, can usually be employed as your PA like anyone else, with the same contract, pay and checks.
help-family-household-heading = A relative who lives with you
help-family-household = A close relative who lives in the same household (a parent, son or daughter, brother or sister, aunt or uncle, grandparent, or their husbands, wives and partners) can be paid only if the council decides it is necessary, to meet your needs or to help manage the payment. This happens, but as an exception.
help-family-partner-heading = Your husband, wife or partner
help-family-partner = The same exception is needed for your husband, wife, civil partner or someone you live with as a couple, wherever they live.
help-family-ask-heading = Asking the council
help-family-ask = Ask in writing and say why a relative is the right person. Councils consider reasons such as:
help-family-reasons =
    Nobody else nearby speaks your language or understands your culture or faith
    The care is intimate and you would prefer a relative
    Nobody else is available at the times you need
    You need care at the end of life, or urgently for a short time

help-questions-title = Questions to ask a PA or a care provider
help-questions-summary = What to ask before you agree, so that care fits you.
help-questions-intro = Meet before you agree, with someone you trust if you like. These questions help you learn whether the person or organisation fits your needs.
help-questions-fit-heading = Does it fit you?
help-questions-fit =
    Which languages do you speak, and how well?
    Can you cook the food I eat, and do you keep halal, kosher or vegetarian food as I need?
    Do you understand my faith: prayer times, fasting, modesty, a carer of the same gender?
    Have you supported someone with needs like mine before?
help-questions-work-heading = How will it work?
help-questions-work =
    Which days and times can you work, and how far will you travel?
    What is your hourly rate, and what does it include?
    Who covers when you are ill or on holiday?
    How do we tell each other about changes, and how much notice do you need?
help-questions-checks-heading = Checks
help-questions-checks =
    May I see your DBS certificate, and how recent is it?
    Can you give two references, one from recent care work?
    What training do you have, such as the Care Certificate, moving and handling, first aid?
    Are you registered with the CQC (agencies that give personal care must be)?
