"""The fictional demo data `manage.py load_demo_data` loads: places, names, training and staff accounts.

Real ZIP and area codes, fictional everything else (phone numbers in 555-0100..0199, schools named "Example").
"""

SEED = 2024
PHYSICIAN_COUNT = 90

# (city, state, ZIP, time zone, area code): real ZIP codes and area codes, with the time zone the ZIP keeps
# (El Paso and Boise are on Mountain time, Pensacola on Central, Indianapolis and Detroit on Eastern).
CITIES = [
    ("Austin", "TX", "78701", "America/Chicago", "512"),
    ("Houston", "TX", "77002", "America/Chicago", "713"),
    ("San Antonio", "TX", "78205", "America/Chicago", "210"),
    ("El Paso", "TX", "79901", "America/Denver", "915"),
    ("Dallas", "TX", "75201", "America/Chicago", "214"),
    ("Phoenix", "AZ", "85004", "America/Phoenix", "602"),
    ("Tucson", "AZ", "85701", "America/Phoenix", "520"),
    ("Los Angeles", "CA", "90012", "America/Los_Angeles", "213"),
    ("San Diego", "CA", "92101", "America/Los_Angeles", "619"),
    ("Sacramento", "CA", "95814", "America/Los_Angeles", "916"),
    ("Fresno", "CA", "93721", "America/Los_Angeles", "559"),
    ("Portland", "OR", "97204", "America/Los_Angeles", "503"),
    ("Seattle", "WA", "98104", "America/Los_Angeles", "206"),
    ("Spokane", "WA", "99201", "America/Los_Angeles", "509"),
    ("Boise", "ID", "83702", "America/Denver", "208"),
    ("Salt Lake City", "UT", "84111", "America/Denver", "801"),
    ("Las Vegas", "NV", "89101", "America/Los_Angeles", "702"),
    ("Reno", "NV", "89501", "America/Los_Angeles", "775"),
    ("Denver", "CO", "80202", "America/Denver", "303"),
    ("Albuquerque", "NM", "87102", "America/Denver", "505"),
    ("Billings", "MT", "59101", "America/Denver", "406"),
    ("Cheyenne", "WY", "82001", "America/Denver", "307"),
    ("Omaha", "NE", "68102", "America/Chicago", "402"),
    ("Wichita", "KS", "67202", "America/Chicago", "316"),
    ("Kansas City", "MO", "64106", "America/Chicago", "816"),
    ("St. Louis", "MO", "63101", "America/Chicago", "314"),
    ("Minneapolis", "MN", "55401", "America/Chicago", "612"),
    ("Des Moines", "IA", "50309", "America/Chicago", "515"),
    ("Sioux Falls", "SD", "57104", "America/Chicago", "605"),
    ("Fargo", "ND", "58102", "America/Chicago", "701"),
    ("Milwaukee", "WI", "53202", "America/Chicago", "414"),
    ("Chicago", "IL", "60602", "America/Chicago", "312"),
    ("Indianapolis", "IN", "46204", "America/New_York", "317"),
    ("Detroit", "MI", "48226", "America/New_York", "313"),
    ("Grand Rapids", "MI", "49503", "America/New_York", "616"),
    ("Columbus", "OH", "43215", "America/New_York", "614"),
    ("Cleveland", "OH", "44113", "America/New_York", "216"),
    ("Louisville", "KY", "40202", "America/New_York", "502"),
    ("Nashville", "TN", "37203", "America/Chicago", "615"),
    ("Knoxville", "TN", "37902", "America/New_York", "865"),
    ("Memphis", "TN", "38103", "America/Chicago", "901"),
    ("Atlanta", "GA", "30303", "America/New_York", "404"),
    ("Birmingham", "AL", "35203", "America/Chicago", "205"),
    ("Jackson", "MS", "39201", "America/Chicago", "601"),
    ("New Orleans", "LA", "70112", "America/Chicago", "504"),
    ("Little Rock", "AR", "72201", "America/Chicago", "501"),
    ("Oklahoma City", "OK", "73102", "America/Chicago", "405"),
    ("Jacksonville", "FL", "32202", "America/New_York", "904"),
    ("Tampa", "FL", "33602", "America/New_York", "813"),
    ("Miami", "FL", "33130", "America/New_York", "305"),
    ("Pensacola", "FL", "32502", "America/Chicago", "850"),
    ("Charlotte", "NC", "28202", "America/New_York", "704"),
    ("Raleigh", "NC", "27601", "America/New_York", "919"),
    ("Charleston", "SC", "29401", "America/New_York", "843"),
    ("Richmond", "VA", "23219", "America/New_York", "804"),
    ("Washington", "DC", "20005", "America/New_York", "202"),
    ("Baltimore", "MD", "21202", "America/New_York", "410"),
    ("Wilmington", "DE", "19801", "America/New_York", "302"),
    ("Philadelphia", "PA", "19107", "America/New_York", "215"),
    ("Pittsburgh", "PA", "15222", "America/New_York", "412"),
    ("Newark", "NJ", "07102", "America/New_York", "973"),
    ("Buffalo", "NY", "14202", "America/New_York", "716"),
    ("Albany", "NY", "12207", "America/New_York", "518"),
    ("Hartford", "CT", "06103", "America/New_York", "860"),
    ("Providence", "RI", "02903", "America/New_York", "401"),
    ("Boston", "MA", "02108", "America/New_York", "617"),
    ("Manchester", "NH", "03101", "America/New_York", "603"),
    ("Burlington", "VT", "05401", "America/New_York", "802"),
    ("Anchorage", "AK", "99501", "America/Anchorage", "907"),
    ("Honolulu", "HI", "96813", "Pacific/Honolulu", "808"),
    ("San Juan", "PR", "00901", "America/Puerto_Rico", "787"),
]

STREETS = [
    "Main Street", "Oak Avenue", "Maple Drive", "Cedar Lane", "Park Boulevard", "Lakeview Road", "River Road",
    "Elm Street", "Willow Way", "Hillcrest Avenue", "Medical Plaza Drive", "Sunset Boulevard", "Pine Street",
    "Meadow Lane", "Harbor Drive", "Center Street",
]  # fmt: skip

HOURS = [
    "Mon-Fri 08:00-17:00",
    "Mon-Fri 07:30-16:30",
    "Mon-Fri 08:00-12:00,13:00-17:00",
    "Mon-Thu 08:00-17:00; Fri 08:00-14:00",
    "Mon-Fri 09:00-18:00",
    "Mon,Wed,Fri 07:00-16:00; Tue,Thu 09:00-18:00",
]
SATURDAY_MORNING = "Sat 08:00-12:00"

FIRST_NAMES = [
    "Maria", "James", "Wei", "Aisha", "Daniel", "Priya", "Mohammed", "Grace", "Luis", "Mei", "Olumide", "Sarah",
    "Hiroshi", "Fatima", "Carlos", "Emily", "Arjun", "Leila", "Marcus", "Sofia", "Kwame", "Rachel", "Minh", "Elena",
    "David", "Jasmine", "Omar", "Hannah", "Rafael", "Yuki", "Samuel", "Amara", "Ivan", "Nadia", "Joseph", "Ji-woo",
    "Teresa", "Benjamin", "Chloe", "Andre", "Farah", "Michael", "Isabel", "Tomasz", "Lakshmi", "Kevin", "Rosa",
    "Jamal", "Anh", "Natalia", "Christopher", "Ayesha", "Gabriel", "Ruth",
]  # fmt: skip
LAST_NAMES = [
    "Garcia", "Nguyen", "Chen", "Patel", "Johnson", "Kim", "Okafor", "Haddad", "Rodriguez", "Williams", "Santos",
    "Tran", "Khan", "Martinez", "Nakamura", "Mensah", "Cohen", "Reyes", "Singh", "O'Brien", "Dubois", "Park", "Ali",
    "Kowalski", "Lopez", "Bui", "Rahman", "Murphy", "Hernandez", "Yilmaz", "Abebe", "Morales", "Le", "Huang",
    "Thompson", "Castillo", "Wang", "Gupta", "Lee", "Adeyemi", "Novak", "Flores", "Mendoza", "Jackson", "Bennett",
    "Dela Cruz", "Romero", "Sharma", "Nasser", "Volkov", "Choi", "Brooks", "Ortiz", "Rivera", "Hassan", "Walker",
    "Pham", "Laurent", "Zhang", "Iyer", "Bautista", "Aguilar", "Okonkwo", "Sato", "Fischer", "Rossi", "Andersen",
    "Mukherjee", "Das", "Kaur", "Vo", "Hoang", "Torres", "Ramirez", "Cruz", "Salazar", "Baker", "Foster", "Green",
    "Hughes", "Price", "Coleman", "Washington", "Bell", "Yamamoto", "Tanaka", "Lim", "Ng", "Tan", "Goldberg",
    "Friedman", "Popescu", "Horvat", "Petrov", "Ahmed", "Karimi", "Saleh", "Boateng",
]  # fmt: skip
OTHER_LANGUAGES = ["Spanish", "Mandarin", "Vietnamese", "Tagalog", "Arabic", "French", "Hindi", "Korean", "Russian"]

# (board certifications, residency, fellowship or None): the training paths of interventional pain physicians.
TRAINING = [
    (["Anesthesiology", "Pain Medicine"], "Residency in Anesthesiology", "Fellowship in Pain Medicine"),
    (
        ["Physical Medicine and Rehabilitation", "Pain Medicine"],
        "Residency in Physical Medicine and Rehabilitation",
        "Fellowship in Pain Medicine",
    ),
    (["Physical Medicine and Rehabilitation"], "Residency in Physical Medicine and Rehabilitation", None),
    (["Interventional Radiology"], "Residency in Interventional Radiology", None),
    (["Anesthesiology"], "Residency in Anesthesiology", None),
]
# Names in the style of the model's own example (“MD, Example University”), so no real school is named.
MEDICAL_SCHOOLS = {
    "MD": ["Example University School of Medicine", "Example State University College of Medicine"],
    "DO": ["Example College of Osteopathic Medicine", "Example University College of Osteopathic Medicine"],
}
HOSPITALS = ["Example University Hospital", "Example Regional Medical Center", "Example Teaching Hospital"]


# (username, groups, works at the Austin demo center, may see and export every center's requests, role).
STAFF = [
    ("demo-editor", ["Content editors"], False, False, "edits procedure pages, centers and physicians"),
    ("demo-austin", ["Center staff"], True, False, "works the requests of {austin} only"),
    (
        "demo-manager",
        ["Center staff", "Practice managers"],
        False,
        True,
        "sees and exports the requests of every center, decides who works where",
    ),
]
MANAGER_PERMISSIONS = ["view_all_centers", "export_appointmentrequest"]
