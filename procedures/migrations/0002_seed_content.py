"""Load the client's copy (shared/seed/interventional-pain-management.txt) as the site's initial content.

The content is frozen here on purpose: a migration must give the same result forever, whatever the
models or the seed file become later. Staff edit it in the admin from then on. Typos of the copy are
mended ("flouroscopy"); no fact is added.
"""

from django.db import migrations
from django.utils import timezone

OVERVIEW = {
    "title": "Interventional Pain Management",
    "slug": "pain-management",
    "status": "published",
    "meta_description": (
        "Interventional pain management at Azura Vascular Care: epidural injections, facet joint "
        "injections and kyphoplasty for pain from conditions of the spine."
    ),
    "intro": (
        "The goal of pain management is to provide relief of painful symptoms originating from irreversible "
        "conditions of the spine in place of oral medications that could have adverse side effects. "
        "Interventional pain management involves a series of therapeutic injections to very specific areas "
        "of the spine to alleviate pain, restoring your quality of life."
    ),
    "options_intro": "Interventional treatment options for pain management at Azura Vascular Care include:",
    "help_heading": "How we can help you with Interventional Pain Management",
    "help_body": (
        "Many of our physicians at Azura Vascular Care offer minimally invasive procedures including epidural "
        "injections, facet joint injections, or kyphoplasty to treat specific spinal pain. The clinical staff "
        "at our outpatient vascular centers combines medical expertise and compassion to guide you through "
        "your treatment journey, providing symptomatic relief and restoring your quality of life.\n\n"
        "At Azura, we work every day to deliver far more than our patients expect, bringing our full range of "
        "medical capabilities and service excellence to every patient, every visit at each of our centers "
        "nationwide."
    ),
    "cta_heading": "Ready to speak with a Specialist?",
    "cta_body": "Search for a center or physician in your area and request an appointment online.",
}

PROCEDURES = [
    {
        "title": "Epidural Injections",
        "slug": "epidural-injections",
        "position": 1,
        "meta_description": (
            "Epidural injections: a non-surgical treatment that injects a steroid medication into the "
            "epidural space of the spine to reduce inflammation and relieve pain."
        ),
        "summary": (
            "A fast, simple, safe, and effective non-surgical treatment that involves the injection of a "
            "steroid medication into the epidural space of the spine."
        ),
        "duration": "Usually no more than five to ten minutes",
        "anesthesia": "Local anesthesia and, on occasion, intravenous sedation; you are not deeply sedated",
        "imaging_guidance": "Fluoroscopy (a special X-ray camera), usually lying face down",
        "recovery_time": "A brief 15-20 minute recovery before you go home",
        "sections": [
            (
                "What is an epidural injection?",
                "what-it-is",
                "An epidural injection is a fast, simple, safe, and effective non-surgical treatment that "
                "involves the injection of a steroid medication into the epidural space of the spine. The "
                "epidural space is the portion of the spine where inflamed nerves are located. The goal of this "
                "procedure is to reduce inflammation, thereby relieving pain. Epidural injections are a "
                "minimally invasive technique used to relieve a variety of painful conditions anywhere in the "
                "spine.",
            ),
            (
                "How it is done",
                "how-it-is-done",
                "The most common technique used by interventional pain management specialists to administer an "
                "epidural injection is with fluoroscopy, usually with the patient lying face down. A fluoroscope "
                "is a special camera that uses X-rays which allows the doctor to see in real time the exact "
                "placement of the needle and to verify its correct position. The injection is performed under "
                "local anesthesia and, on occasion, with intravenous sedation. Patients are not deeply sedated "
                "or completely asleep for this procedure because it is unnecessary and unsafe to do so. The "
                "procedure usually takes no more than five to ten minutes, followed by a brief 15-20 minute "
                "recovery before being discharged to your home.",
            ),
            (
                "Who is a good candidate?",
                "who-is-a-candidate",
                "If you suffer from chronic neck and back pain, you may be a good candidate for epidural "
                "injections.",
            ),
        ],
        "conditions_heading": "Conditions it treats",
        "conditions_intro": "The most common diagnoses treated include:",
        "conditions": [
            "Herniated or bulging discs",
            "Spinal stenosis",
            "Recurrent pain following spine surgery",
        ],
        "conditions_outro": "",
        "risks_heading": "What are the risks associated with Epidural Injections?",
        "risks_intro": "",
        "risks_lead_in": (
            "Fortunately, with epidural steroid injections serious complications are quite rare. Minor side "
            "effects from the injected medications are not uncommon and can include:"
        ),
        "risks": ["Nausea", "Itching", "Rash", "Facial flushing", "Sweating", "Steroid side effects"],
        "risks_outro": (
            "Some patients notice a mild increase or worsening of their pain for the first day or two after "
            "injection."
        ),
    },
    {
        "title": "Facet Joint Injections",
        "slug": "facet-joint-injections",
        "position": 2,
        "meta_description": (
            "Facet joint injections: a local anesthetic and possibly a steroid, injected into swollen and "
            "painful joints of the spine to relieve pain."
        ),
        "summary": (
            "An injection into swollen and painful facet joints of the spine, using a local anesthetic and "
            "possibly a steroid to reduce inflammation."
        ),
        "duration": "Usually 10-20 minutes",
        "anesthesia": "A local anesthetic, and possibly a steroid to reduce inflammation",
        "imaging_guidance": "Fluoroscopy (a special X-ray camera) to place the needle in the joint",
        "recovery_time": "A brief recovery before you go home",
        "sections": [
            (
                "What are facet joints?",
                "what-it-is",
                "Facet joints are the joints in your spine that make your back flexible and enable you to bend "
                "and twist. When your facet joints become swollen and painful due to osteoarthritis, you may "
                "need an injection into your spine to alleviate the pain and restore your quality of life.",
            ),
            (
                "How it is done",
                "how-it-is-done",
                "Facet joint injections are performed using a local anesthetic and possibly a steroid to reduce "
                "inflammation. Fluoroscopy is used by your physician to make sure the needle is in the joint "
                "before injecting any medication. A fluoroscope is a special camera that uses X-rays which "
                "allows the doctor to see in real time the exact placement of the needle and to verify its "
                "correct position. Your facet joints are located fairly deep in the upper buttocks and are "
                "covered by thick muscle so on some patients it may be difficult to place a needle into the "
                "facet joint without some type of X-ray guidance.\n\n"
                "Once the needle is in the correct place, an anesthetic is injected to numb your joint. If the "
                "pain subsides, your doctor can be relatively sure that the source of your back pain is the "
                "facet joint that was injected and not somewhere else in your spine. The effect of the "
                "medication is usually temporary, but may provide relief for several months. The procedure "
                "usually takes 10-20 minutes, followed by a brief recovery before being discharged to your "
                "home.",
            ),
            (
                "Who is a good candidate?",
                "who-is-a-candidate",
                "You may be a good candidate for facet joint injections if you have arthritic or thickened facet "
                "joints seen on X-rays that also have chronic back or neck pain with movement. Some patients "
                "have facet joints injured due to a whiplash injury or other traumatic injuries to the neck or "
                "back. Most patients receiving facet injections have already tried other, more conservative, "
                "treatments including anti-inflammatory medication, chiropractic or physical therapy.",
            ),
        ],
        "conditions_heading": "Conditions it treats",
        "conditions_intro": "",
        "conditions": [
            "Swollen and painful facet joints due to osteoarthritis",
            "Arthritic or thickened facet joints seen on X-rays, with chronic back or neck pain with movement",
            "Facet joints injured due to a whiplash injury or other traumatic injuries to the neck or back",
        ],
        "conditions_outro": "",
        "risks_heading": "What are the risks associated with Facet Joint Injections?",
        "risks_intro": (
            "As with all invasive medical procedures, there are potential risks and complications associated "
            "with facet joint injections. However, in general, the risk is low and complications are rare."
        ),
        "risks_lead_in": (
            "Potential risks and/or complications that may occur from a facet joint injection include:"
        ),
        "risks": [
            "Allergic reaction to the X-ray contrast or steroid",
            "Bleeding",
            "Minor infection",
            "Discomfort at the injection site or worsening of pain symptoms",
            "Nerve or spinal cord damage",
        ],
        "risks_outro": "",
    },
    {
        "title": "Kyphoplasty",
        "slug": "kyphoplasty",
        "position": 3,
        "meta_description": (
            "Kyphoplasty: a minimally invasive procedure that strengthens a fractured vertebra with a "
            "cement-like material to treat painful compression fractures."
        ),
        "summary": (
            "A minimally invasive procedure that strengthens your fractured vertebra with an injection of a "
            "cement-like material. It may help you recover faster from vertebral compression fractures and "
            "avoid the need for an open surgical procedure."
        ),
        "duration": "About forty-five minutes for each bone that is treated",
        "anesthesia": "Usually a local anesthetic",
        "imaging_guidance": "Fluoroscopy (a type of X-ray) to place the tubes precisely",
        "recovery_time": "",
        "sections": [
            (
                "What is kyphoplasty?",
                "what-it-is",
                "Kyphoplasty is a minimally invasive procedure that may help you recover faster from vertebral "
                "compression fractures and avoid the need for an open surgical procedure. This procedure is "
                "performed to strengthen your fractured vertebra with an injection of a cement-like material. "
                "The goals of kyphoplasty are to treat painful compression fractures, prevent further collapse "
                "of your vertebral fracture and to restore normal spinal alignment.",
            ),
            (
                "How it is done",
                "how-it-is-done",
                "Kyphoplasty involves placing two specialized tubes directly into your fractured vertebra. This "
                "is performed using image guidance via fluoroscopy (a type of x-ray) to allow precise placement "
                "of the tubes. Small specialized balloons are inserted into the collapsed vertebra through each "
                "tube. The balloons are inflated with a liquid under x-ray guidance to re-establish the original "
                "height of the collapsed vertebra and when deflated, they leave an empty cavity within your bone "
                "that has now been expanded. Bone cement is inserted into your vertebra through both tubes "
                "under x-ray guidance to assure the cement is not leaking out of the vertebra. The procedure "
                "generally takes about forty-five minutes for each bone that is treated and is usually "
                "performed using a local anesthetic.",
            ),
            (
                "Who is a good candidate?",
                "who-is-a-candidate",
                "If you have significant back pain caused by a broken bone in your back, and the pain is not "
                "relieved after one to two weeks of bed rest and pain medicine, you may be a candidate for "
                "kyphoplasty.",
            ),
        ],
        "conditions_heading": "Conditions it treats",
        "conditions_intro": "",
        "conditions": ["Painful vertebral compression fractures"],
        "conditions_outro": "Kyphoplasty does not help with chronic back pain or herniated discs.",
        "risks_heading": "What are the risks associated with Kyphoplasty?",
        "risks_intro": "",
        "risks_lead_in": "The risks are relatively low, but the following side effects may occur:",
        "risks": [
            "Bleeding",
            "Infection",
            "Allergic reactions to medicines",
            "Minor risks associated with anesthesia",
            "Cement leaks into surrounding area leading to other treatments to remove the cement",
        ],
        "risks_outro": "",
        "comparison_heading": "How does Kyphoplasty differ from Vertebroplasty?",
        "comparison_intro": (
            "Kyphoplasty and Vertebroplasty are common treatments for vertebral compression fractures. Both "
            "minimally invasive procedures offer potential benefits and are effective in reducing pain."
        ),
        "compared_with": "Vertebroplasty",
        "comparison_rows": [
            ("Used to treat", "Vertebral compression fractures", "Vertebral compression fractures"),
            ("Type of procedure", "Minimally invasive", "Minimally invasive"),
            ("Effective in reducing pain", "Yes", "Yes"),
            (
                "How it is done",
                "An inflatable balloon is used to create a cavity for the cement",
                "A percutaneous injection (through the skin) of bone cement into the vertebral body",
            ),
            (
                "Goals",
                "Reducing pain, with the additional potential goals of restoring height and reducing kyphosis",
                "Pain alleviation and preventing further loss of vertebral body height",
            ),
            (
                "Height of the vertebra",
                "Restoring height is a potential goal",
                "Preventing further loss of vertebral body height is a goal",
            ),
        ],
    },
]

LIST_KEYS = ("sections", "conditions", "risks", "comparison_rows")


def with_history(apps, model_name):
    """Create rows of a model together with their first history entry, so staff can revert to the copy."""
    model = apps.get_model("procedures", model_name)
    historical = apps.get_model("procedures", f"Historical{model_name}")

    def create(**fields):
        obj = model.objects.create(**fields)
        # The history's own fields only (the tests load this content with today's models, whose bookkeeping
        # fields the history leaves out).
        kept = {field.attname for field in historical._meta.fields}
        values = {field.attname: getattr(obj, field.attname) for field in model._meta.fields if field.attname in kept}
        historical.objects.create(
            **values, history_date=timezone.now(), history_type="+", history_change_reason="Loaded from the client's copy"
        )
        return obj

    return create


def load_content(apps, schema_editor):
    create_service_line = with_history(apps, "ServiceLine")
    create_procedure = with_history(apps, "Procedure")
    create_section = with_history(apps, "Section")
    create_list_item = with_history(apps, "ListItem")
    create_comparison_row = with_history(apps, "ComparisonRow")

    service_line = create_service_line(**OVERVIEW)
    for data in PROCEDURES:
        fields = {key: value for key, value in data.items() if key not in LIST_KEYS}
        procedure = create_procedure(service_line=service_line, status="published", **fields)
        for position, (heading, anchor, body) in enumerate(data["sections"], start=1):
            create_section(procedure=procedure, position=position, heading=heading, anchor=anchor, body=body)
        for position, name in enumerate(data["conditions"], start=1):
            create_list_item(procedure=procedure, kind="condition", position=position, text=name)
        for position, text in enumerate(data["risks"], start=1):
            create_list_item(procedure=procedure, kind="risk", position=position, text=text)
        for position, (aspect, this, other) in enumerate(data.get("comparison_rows", []), start=1):
            create_comparison_row(
                procedure=procedure, position=position, aspect=aspect, this_procedure=this, other_procedure=other
            )


def remove_content(apps, schema_editor):
    apps.get_model("procedures", "Procedure").objects.filter(
        slug__in=[data["slug"] for data in PROCEDURES]
    ).delete()
    apps.get_model("procedures", "ServiceLine").objects.filter(slug=OVERVIEW["slug"]).delete()


class Migration(migrations.Migration):
    dependencies = [("procedures", "0001_initial")]

    operations = [migrations.RunPython(load_content, remove_content)]
