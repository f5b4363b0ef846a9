"""The words of the 500 page (templates/500.html), one dict per language, filled in by plain {{ variable }}
substitution and not by gettext: a 500 may come from anything, so the page does not depend on the compiled
catalogue either. The template uses every key and both languages have the same keys (tests/test_error_pages.py).
This Spanish is outside the catalogue: the native speaker's review reads it here (docs/spanish.md).

`prefix` starts the page's own links ("" or "/es"); `other_*` is the other language, for the language switch and
the second half of the bilingual language-assistance link, both marked with that language's `lang`."""

ENGLISH = {
    "lang": "en",
    "prefix": "",
    "other_lang": "es",
    "other_home": "/es/",
    "other_language": "Español",
    "title": "Something went wrong",
    "skip_link": "Skip to main content",
    "tagline": "Interventional Pain Management",
    "heading": "Sorry, something went wrong on our side",
    "try_again": (
        "Please try again in a few minutes. If you were sending us a request, it may not have reached us: the"
        " center’s phone number is on its page in "
    ),
    "find_a_center": "Find a center",
    "emergency": "If you have a medical emergency, call 911.",
    "home_link": "Go to the home page",
    "footer_label": "Footer",
    "nondiscrimination": "Nondiscrimination",
    "language_assistance": "Language assistance",
    "other_language_assistance": "Ayuda con el idioma",
    "good_faith_estimate": "Good Faith Estimate",
    "privacy_practices": "Notice of Privacy Practices",
    "health_data_policy": "Consumer health data privacy policy",
}

SPANISH = {
    "lang": "es",
    "prefix": "/es",
    "other_lang": "en",
    "other_home": "/",
    "other_language": "English",
    "title": "Algo salió mal",
    "skip_link": "Saltar al contenido principal",
    "tagline": "Tratamiento intervencionista del dolor",
    "heading": "Lo sentimos, algo salió mal de nuestro lado",
    "try_again": (
        "Por favor, vuelva a intentarlo en unos minutos. Si nos estaba enviando una solicitud, es posible que no nos"
        " haya llegado: el teléfono del centro está en su página, en "
    ),
    "find_a_center": "Buscar un centro",
    "emergency": "Si tiene una emergencia médica, llame al 911.",
    "home_link": "Ir a la página de inicio",
    "footer_label": "Pie de página",
    "nondiscrimination": "No discriminación",
    "language_assistance": "Ayuda con el idioma",
    "other_language_assistance": "Language assistance",
    "good_faith_estimate": "Estimado de buena fe",
    "privacy_practices": "Aviso de prácticas de privacidad",
    "health_data_policy": "Política de privacidad de datos de salud del consumidor",
}
