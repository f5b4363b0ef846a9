"""The state of a 3-digit ZIP prefix, for counting searches by area (appointments/demand.py) without a lookup.

RANGES is generated from the `zipcodes` package's dataset (3.0.0): for each run of consecutive prefixes, the
state most of their ZIP codes are in (eight prefixes span two states or more, e.g. 063 is Connecticut's but for one
New York ZIP code). tests/test_insight_demand.py checks it against the dataset.

RESTRICTED are the prefixes of areas of 20,000 people or fewer, which HIPAA's Safe Harbor method
(45 CFR 164.514(b)(2)(i)(B)) says to write as 000: searches there are counted as 000, with their state.
"""

from bisect import bisect_right

RANGES = (  # (first prefix, last prefix, state)
    ("005", "005", "NY"),
    ("006", "007", "PR"),
    ("008", "008", "VI"),
    ("009", "009", "PR"),
    ("010", "027", "MA"),
    ("028", "029", "RI"),
    ("030", "038", "NH"),
    ("039", "049", "ME"),
    ("050", "054", "VT"),
    ("055", "055", "MA"),
    ("056", "059", "VT"),
    ("060", "069", "CT"),
    ("070", "089", "NJ"),
    ("090", "099", "AE"),
    ("100", "149", "NY"),
    ("150", "196", "PA"),
    ("197", "199", "DE"),
    ("200", "200", "DC"),
    ("201", "201", "VA"),
    ("202", "205", "DC"),
    ("206", "212", "MD"),
    ("214", "219", "MD"),
    ("220", "246", "VA"),
    ("247", "268", "WV"),
    ("270", "289", "NC"),
    ("290", "299", "SC"),
    ("300", "319", "GA"),
    ("320", "339", "FL"),
    ("340", "340", "AA"),
    ("341", "342", "FL"),
    ("344", "344", "FL"),
    ("346", "347", "FL"),
    ("349", "349", "FL"),
    ("350", "352", "AL"),
    ("354", "369", "AL"),
    ("370", "385", "TN"),
    ("386", "397", "MS"),
    ("398", "399", "GA"),
    ("400", "418", "KY"),
    ("420", "427", "KY"),
    ("430", "459", "OH"),
    ("460", "479", "IN"),
    ("480", "499", "MI"),
    ("500", "516", "IA"),
    ("520", "528", "IA"),
    ("530", "532", "WI"),
    ("534", "535", "WI"),
    ("537", "549", "WI"),
    ("550", "551", "MN"),
    ("553", "567", "MN"),
    ("569", "569", "DC"),
    ("570", "577", "SD"),
    ("580", "588", "ND"),
    ("590", "599", "MT"),
    ("600", "620", "IL"),
    ("622", "629", "IL"),
    ("630", "631", "MO"),
    ("633", "641", "MO"),
    ("644", "658", "MO"),
    ("660", "662", "KS"),
    ("664", "679", "KS"),
    ("680", "681", "NE"),
    ("683", "693", "NE"),
    ("700", "701", "LA"),
    ("703", "708", "LA"),
    ("710", "714", "LA"),
    ("716", "729", "AR"),
    ("730", "731", "OK"),
    ("733", "733", "TX"),
    ("734", "741", "OK"),
    ("743", "749", "OK"),
    ("750", "770", "TX"),
    ("772", "799", "TX"),
    ("800", "816", "CO"),
    ("820", "831", "WY"),
    ("832", "838", "ID"),
    ("840", "847", "UT"),
    ("850", "853", "AZ"),
    ("855", "857", "AZ"),
    ("859", "860", "AZ"),
    ("863", "865", "AZ"),
    ("870", "871", "NM"),
    ("873", "884", "NM"),
    ("885", "885", "TX"),
    ("888", "888", "DC"),
    ("889", "891", "NV"),
    ("893", "895", "NV"),
    ("897", "898", "NV"),
    ("900", "908", "CA"),
    ("910", "928", "CA"),
    ("930", "961", "CA"),
    ("962", "966", "AP"),
    ("967", "968", "HI"),
    ("969", "969", "GU"),
    ("970", "979", "OR"),
    ("980", "986", "WA"),
    ("988", "994", "WA"),
    ("995", "999", "AK"),
)
_FIRSTS = [first for first, _last, _state in RANGES]
RESTRICTED = frozenset(
    {
        "036",
        "059",
        "063",
        "102",
        "203",
        "556",
        "692",
        "790",
        "821",
        "823",
        "830",
        "831",
        "878",
        "879",
        "884",
        "890",
        "893",
    }
)


def state_of(zip3: str) -> str:
    """The state (or territory, or military post office) of a 3-digit ZIP prefix; "" if no ZIP code has it."""
    at = bisect_right(_FIRSTS, zip3) - 1
    if at < 0:
        return ""
    first, last, state = RANGES[at]
    return state if first <= zip3 <= last else ""


def counted_prefix(zip3: str) -> str:
    """The prefix as counted: 000 for the areas Safe Harbor says to write so."""
    return "000" if zip3 in RESTRICTED else zip3
