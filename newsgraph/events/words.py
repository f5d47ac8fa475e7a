"""Word lists the event coder reads a parse with: support verbs, prepositions that name a target, nouns for
people, forces and places, and the PLOVER types that behave alike. Kept apart so the argument finders read as
rules and the lists can be read and grown on their own."""

from __future__ import annotations

from newsgraph.actors import INQUIRY_NOUNS
from newsgraph.relations import OF_HEADS, ORIGIN_HEADS, QUANTITY_HEADS, RELATION_NOUNS

# Verbs that lend their subject to the noun they take ("make a visit", "impose sanctions",
# "expressed support"): the general English support (light) verbs.
LIGHT_VERBS = {
    "make", "pay", "hold", "have", "conduct", "attend", "join", "host", "provide", "offer", "give", "express",
    "voice", "extend", "impose", "introduce", "adopt", "follow", "announce", "launch", "begin", "start",
    "continue", "deepen", "strengthen", "bolster", "increase", "level", "lodge", "file", "issue", "reach",
    "undertake", "carry", "stage", "mount", "take", "enforce", "implement", "apply", "step", "intensify",
    "expand", "resume", "seek", "win", "receive", "come", "go", "slap", "open",
    "stag",  # spaCy's lemma of "staged" ("staged a protest")
}
# Verbs whose subject undergoes the act their object names ("received aid from X", "drew criticism from X",
# "faced sanctions"): the subject is the target and the "from" or "by" actor the source.
RECEIVING_VERBS = {"receive", "draw", "face", "attract", "suffer", "get", "win", "earn", "endure", "undergo"}
# Words that say people are not the acting state's own ("detained foreign journalists").
FOREIGN_WORDS = {"foreign", "international", "overseas", "expatriate", "expat", "alien"}
# Measures a state takes at home unless a place abroad is named ("declared a state of emergency").
EMERGENCY_NOUNS = {"curfew", "emergency", "siege"}
# Verbs whose object is the means by which their subject does what follows ("used tear gas to disperse them").
INSTRUMENT_VERBS = {"use", "employ", "deploy", "send", "fire", "launch", "bring", "dispatch"}
# Lemmas the parser gets wrong for trigger verbs, and the right ones.
LEMMA_FIXES = {"stag": "stage", "cordone": "cordon"}
# ... and those whose wrong lemma is itself a word, told apart by the written form ("raped" is not "rapped").
FORM_FIXES = {"raped": "rape", "raping": "rape", "rapes": "rape"}
# Prepositions that introduce the target of an event ("met with X", "sanctions against X").
TARGET_PREPS = ("with", "to", "against", "on", "at", "for", "into", "toward", "towards", "over", "upon", "of",
                "between", "behind")
# For events done to a place as well as to its people ("put down riots in X", "deployed troops in X").
IN_TARGET_TYPES = {"AID", "COERCE", "ASSAULT", "MOBILIZE", "CONCEDE", "RETREAT"}
SYMMETRIC = {"CONSULT", "COOPERATE", "AGREE"}
# Acts whose "from" names the one acted on: withdrawing from a place, taking from someone.
FROM_TARGET_TYPES = {"RETREAT", "COERCE", "SANCTION"}  # "recalled its envoy from X"
# Nouns for a gathering that a body convenes ("the SCO summit") and that later text calls "the event".
GATHERINGS = {"summit", "meeting", "conference", "forum", "event", "gathering", "session", "congress", "talks"}
MAX_JOINT = 3  # "Xi and Putin met" pairs its subjects; a long list of attendees is not a set of pairs
# Movement phrases that are visits only when they name whom they visit ("came to Astana").
TRAVEL = {"come to", "go to", "travel to", "fly to", "arrive in", "arrive at"}
PARTICLES = {"in", "out", "down", "up", "back", "off", "over", "away", "aside"}
HELP_FORMS = {"help", "helps", "helped", "helping"}
MODALS = {"would", "could", "might", "may", "should", "must", "can", "will", "shall", "'ll", "wo", "ca"}
# Verbs whose complement has not (yet) happened: "is set to visit", "plans to meet".
INTENT_VERBS = {"plan", "expect", "hope", "want", "seek", "intend", "aim", "set", "prepare", "propose",
                "consider", "wish", "schedule", "go", "need", "likely", "due", "threaten", "promise"}
REFUSAL_VERBS = {"refuse", "decline", "fail"}
# Acts whose complement clause states their content, not a second event: "agreed to cooperate",
# "demanded that X withdraw", "accused X of attacking", "refused to recognise", "threatened to invade".
CONTENT_TYPES = {"AGREE", "REQUEST", "REJECT", "THREATEN", "ACCUSE"}
CLAUSAL = {"xcomp", "ccomp", "pcomp"}
REFLEXIVES = {"itself", "themselves", "himself", "herself", "ourselves"}
# Nouns for people who take part in street protest, as opposed to officials who lodge one.
CROWD_NOUNS = {"student", "worker", "protester", "protestor", "demonstrator", "resident", "supporter", "people",
               "striker", "opponent",
               "villager", "farmer", "teacher", "citizen", "crowd", "thousand", "hundred", "dozen", "activist",
               "youth", "miner", "employee", "trader", "refugee", "voter", "woman", "man", "union", "doctor",
               "nurse", "physician", "pilot", "docker", "shopkeeper", "merchant", "pensioner", "retiree", "rioter",
               "mob"}
# Prepositions by which an act names what it is about ("protested against the deal").
CONTENT_PREPS = {"against", "about", "over", "for", "of", "on", "into"}
# Head nouns that make a nominal trigger before them an event ("a mediation effort", "an aid package").
EFFORT_NOUNS = {"effort", "mission", "operation", "campaign", "drive", "process", "bid", "push", "initiative",
                "programme", "program", "package", "attempt"}
# Entity types of an object that names a place, state or body: the 'place' stand-in of the lexicon.
PLACE_ENTS = {"GPE", "LOC", "FAC", "NORP", "ORG"}
# Prepositions that put a nominal event before or around the one reported ("after the invasion").
BACKGROUND_PREPS = {"after", "following", "since", "before", "amid", "despite", "prior"}
# Modals that make a reported clause a demand on its subject ("X said Y must withdraw").
OBLIGATION_MODALS = {"must"}
# Types that, announced or intended rather than done, PLOVER codes as an expressed intent (AGREE).
COOPERATIVE = {"CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"}
# Acts a state's forces or government do to people at home ("police detained students"), and nouns for such
# people when no state of their own is named: the people are coded as the acting state's own.
DOMESTIC_TYPES = {"COERCE", "ASSAULT", "CONCEDE", "RETREAT", "AID"}
PEOPLE_NOUNS = CROWD_NOUNS | {
    "journalist", "reporter", "opponent", "dissident", "civilian", "prisoner", "detainee", "member", "leader",
    "politician", "critic", "militant", "rebel", "insurgent", "guerrilla", "guerilla", "suspect", "fundamentalist",
    "islamist", "separatist", "opposition", "party", "newspaper", "paper", "monk", "priest", "cleric", "lawyer",
    "blogger", "writer", "inmate", "hostage", "peasant", "pilgrim", "migrant", "immigrant", "minority",
    "minister", "official", "governor", "mayor", "lawmaker", "legislator",  # "ordered the arrest of a minister"
    "dozens", "hundreds", "thousands", "person", "individual", "group", "organisation", "organization",
    "demonstration", "rally", "protest", "march", "strike", "riot", "gathering",  # "police broke up the rally"
    # people an attack or a crackdown reaches where they are ("killing 20 shoppers", "detained schoolchildren")
    "shopper", "worshipper", "worshiper", "bystander", "pedestrian", "commuter", "child", "guest", "patient",
    "pupil", "schoolchild", "schoolgirl", "schoolboy", "mourner", "labourer", "laborer", "driver", "customer",
    "kidnapper", "captor", "abductor", "hijacker",  # "kidnappers in Lebanon freed a businessman"
}
# Nouns for people themselves, not for what they do or form: the lexicon's 'people' stand-in ("beat refugees").
HUMAN_NOUNS = PEOPLE_NOUNS - {"demonstration", "rally", "protest", "march", "strike", "riot", "gathering", "newspaper",
                              "paper", "party", "group", "organisation", "organization", "opposition", "union"} | {
    "tourist", "visitor", "passenger", "national", "sailor", "fisherman", "businessman", "traveller", "traveler",
    "crew", "family"}
# Modals and verbs by which an actor announces what it will do ("will", "plans to"), as against what may be.
ANNOUNCING_MODALS = {"will", "would", "shall", "'ll", "wo"}
# What makes an act that has not happened an expected one rather than a possible one.
EXPECTING_MODALS = {"will", "shall", "'ll", "wo"}
EXPECTING_VERBS = {"plan", "expect", "set", "schedule", "due", "intend", "prepare", "go", "promise", "vow",
                   "pledge", "agree", "decide"}
EXPECTING_ADJS = {"expected", "planned", "upcoming", "scheduled", "anticipated", "forthcoming"}
ANNOUNCING_VERBS = {"want", "plan", "intend", "prepare", "threaten", "vow", "decide", "resolve"}
# Nouns for a state's forces and government when no state is named with them ("the police", "authorities").
AGENCY_NOUNS = {"police", "army", "troop", "force", "government", "authority", "military", "regime", "soldier",
                "officer", "junta", "administration", "policeman", "gendarme", "militia", "court", "judge",
                "prosecutor", "tribunal", "magistrate", "investigator"}
PLACE_PREPS = {"in", "inside", "across", "throughout", "through"}
# ... and where an attack is placed ("a bombing near Kunduz", "killed outside of Herat").
ATTACK_PLACE_PREPS = PLACE_PREPS | {"near", "outside", "at", "on"}
DEPLOY_PLACE_PREPS = frozenset({"to", "into", "near", "outside", "around", "along", "at"})  # where forces are sent
# Prepositions by which a place is placed inside another ('a district of Beirut', 'a camp near Goma').
NESTED_PLACE_PREPS = {"in", "of", "near", "outside", "inside", "around"}
# Nouns for parties whose modifiers or "of" name them ('the Iranian delegation', 'leaders of X').
PARTY_HEADS = OF_HEADS | QUANTITY_HEADS | ORIGIN_HEADS | RELATION_NOUNS
# Nouns for a settlement or area named by its "of" ("the town of Kunduz", "the province of Aceh").
MEASURE_NOUNS = {"ton", "tonne", "dollar", "worth", "amount", "shipment", "consignment", "batch", "load", "million",
                 "billion", "series", "wave", "spate", "string", "barrage", "volley", "flurry", "campaign", "thousand",
                 "hundred", "dozen", "number", "contingent", "battalion"}
REGION_KINDS = {"state", "province", "region", "district", "governorate", "prefecture", "oblast"}
SETTLEMENT_NOUNS = {"city", "town", "village", "capital", "province", "region", "district", "port", "area", "street",
                    "outskirts", "suburb", "enclave"}
# Acts that move forces out of or into a place: the place stands for its state ("pulled out of Kabul airport").
MOVING_TYPES = {"RETREAT", "MOBILIZE"}
# Prepositions that name the doer of a nominal trigger: "at the request of X", "the deployment of X's troops";
# a withdrawal or expulsion "from X" names the one acted on, not the doer.
BY_PREPS = {"REQUEST": ("by", "from", "of"), "MOBILIZE": ("by", "of"), "RETREAT": ("by",), "COERCE": ("by",),
            "SANCTION": ("by",)}
# Acts a demand or call can ask of their doer ("called for an Israeli withdrawal", "demand for Iraq's release
# of prisoners"): the doer is the one the demand is made on.
DEMANDABLE = {"RETREAT", "CONCEDE", "CONSULT", "AGREE", "AID", "COOPERATE"}
# Acts a government does to its own opposition by word ("warned opposition leaders", "urged strikers to return
# to work"), and the nouns for that opposition, which unlike other people are the state's own by default.
DOMESTIC_SAYING = {"THREATEN", "REQUEST", "ACCUSE", "REJECT"}  # "rejected opposition demands"
OPPOSITION_NOUNS = {"opposition", "opponent", "dissident", "critic", "protester", "protestor", "demonstrator",
                    "rebel", "militant", "insurgent", "guerrilla", "separatist",
                    "striker", "student", "worker", "union", "activist", "party", "journalist"}
# Nouns for what is put forward to be accepted or turned down: what they are for is no event of its own ("rejected
# a proposal for a truce").
PROPOSAL_NOUNS = {"proposal", "plan", "offer", "initiative", "bid", "request", "idea", "scheme", "draft",
                  "resolution", "package", "formula", "blueprint", "roadmap"}
# Nouns for what is said to have been done: an inquiry into one is about its doers ("an inquiry into allegations
# that the army ...").
REPORT_NOUNS = {"allegation", "report", "claim", "charge", "accusation", "suspicion", "complaint", "evidence"}
# Nouns for natural hazards: what they strike or kill is no one's act ("an earthquake struck the south").
NATURAL_HAZARDS = {"earthquake", "quake", "storm", "flood", "cyclone", "hurricane", "typhoon", "tsunami", "landslide",
                   "mudslide", "avalanche", "drought", "wildfire", "eruption", "tornado", "epidemic", "heatwave"}
# Nouns for what a party issues, whose participle says what the issuer says ("issued a declaration demanding ...").
DOCUMENT_NOUNS = {"statement", "declaration", "communique", "letter", "resolution", "message", "note", "decree",
                  "ultimatum", "appeal", "manifesto", "petition"}
# Nouns for a quarrel between two parties, whose "with" names the other side ("in a standoff with X").
CONFLICT_NOUNS = {"standoff", "stand-off", "dispute", "row", "confrontation", "tension", "conflict", "quarrel", "feud"}
# Verbs of threat and vow, which take an infinitive and no passive ("rebels threatened to shoot ...").
VOWING_VERBS = {"threaten", "vow", "pledge", "promise", "refuse", "warn"}
# People who take to the street, strike or boycott; leaders and politicians protest by word, not by marching.
MARCHING_NOUNS = CROWD_NOUNS | OPPOSITION_NOUNS | {"prisoner", "detainee", "monk", "priest", "cleric", "lawyer"}
# Parties at home whose demands, offers and bills a state answers ("rejected the opposition's request").
DOMESTIC_PARTIES = AGENCY_NOUNS | OPPOSITION_NOUNS | PEOPLE_NOUNS | {
    "parliament", "president", "premier", "council", "commission", "lawyer", "assembly", "senate", "congress",
    "rebel", "party", "group"}
# A state's own bodies that people at home protest against ("struck against the government's plan").
HOME_BODIES = {"government", "parliament", "authority", "regime", "administration", "cabinet", "president",
               "ministry", "legislature", "junta", "police"}
# Verbs by which people leave a place, which then is theirs ("families escaping the floods in X").
FLEEING = {"flee", "escape", "leave"}
# Participles that make people the opposition of the day ("striking miners", "protesting farmers").
PROTESTING = {"striking", "protesting", "demonstrating", "rioting", "marching"}
# Nouns for a party's part in something, whose "of" names the party ("an inquiry into the role of X's diplomats").
CONDUCT_NOUNS = {"role", "involvement", "part", "conduct", "complicity", "activity", "presence"}
# Goods and traffic a restriction can stop on their way to a state ("an embargo on arms sales to X").
TRADE_NOUNS = {"sale", "export", "shipment", "delivery", "supply", "flight", "transfer", "trade", "investment"}
# Verbs of obstruction and of storming, which done by a crowd are protest (CAMEO 144 obstruct, block; 145 riot).
OBSTRUCTING = {"block", "blockade", "occupy", "barricade", "besiege", "storm", "ransack", "set fire", "burn", "torch",
               "loot"}
# Verbs of dissent, which take no passive: a participle of one after a noun is the noun's own act.
DISSENT_VERBS = {"protest", "demonstrate", "march", "rally", "riot"}
# Acts whose "for" clause gives their reason, not a second event: "jailed X for helping Y", "praised X for
# standing by Y", "criticised X for attacking Y".
REASONED = {"COERCE", "SUPPORT", "ACCUSE", "SANCTION"}
BORDER_NOUNS = {"border", "frontier", "boundary"}
# Acts that, as the purpose of a protest ("marched to demand"), say what the protest is for.
PURPOSE_TYPES = {"REQUEST", "PROTEST", "ACCUSE", "REJECT", "SUPPORT"}
# Occupations that go on strike, besides the crowd nouns ("a doctors' strike", "a strike by dock workers").
LABOUR_NOUNS = {"doctor", "nurse", "driver", "docker", "pilot", "lawyer", "journalist", "labour", "labor", "staff",
                "shopkeeper", "merchant", "transport", "port", "rail", "postal", "public", "general", "hunger"}
# Fights that conjoined subjects wage on each other ("Indian and Pakistani troops exchanged fire").
MUTUAL = {"clash", "exchange fire", "fight", "battle", "skirmish", "engage in fighting", "engage in clash",
          "engage in battle", "engage in firefight", "fighting", "firefight", "gunfight", "shootout"}
# Nouns for a state's own forces: sent, deployed or withdrawn, they are the sender's ("troops were sent to X").
FORCE_NOUNS = {"troop", "soldier", "force", "warship", "peacekeeper", "marine", "unit", "contingent", "army"}
# Nouns of the stance in which something is done ("marched in support of X", "resigned in protest").
STANCE_NOUNS = {"support", "solidarity", "protest", "defiance"}
PARTY_TYPES = {"country", "organization", "person", "group"}
# Acts that harm what they reach: their target is the owner of a thing hit ("set fire to the offices of X").
HARM_TYPES = {"ASSAULT", "COERCE"}
# ... and acts whose target is the owner of a thing they restrict ("froze the assets of X", "a ban on X's exports").
OWNING_TYPES = HARM_TYPES | {"SANCTION"}
# Nouns for a reply to an earlier act: the act replied to ('in retaliation for X's expulsion of ...') is background.
REPLY_NOUNS = {"retaliation", "response", "revenge", "reprisal", "reaction", "answer", "anger", "outrage", "fury"}
# Acts that, promised, make a threat (CAMEO 13: threaten force, sanctions, repression, a break of relations).
HOSTILE = {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE"}
# Acts that judge another's act: the one judged is the one who did it ("condemned Turkish air raids").
CRITICAL = {"ACCUSE", "PROTEST", "REJECT"}
# The lexicon's stand-ins for an object of a 'verb object' entry (see data/plover_verbs.tsv).
STAND_INS = {"thing", "place", "person", "people"}
# Participles by which a hyphenated name says whose a group or thing is ('Moscow-based journalists', 'Serb-run
# offices', 'the Saudi-led coalition'): the one named before the hyphen.
OWNED_BY = {"based", "run", "owned", "led", "controlled", "operated", "funded", "sponsored", "registered", "flagged",
            "dominated", "held", "organised", "organized", "populated", "inhabited"}
# Nouns for armed or unnamed doers whose "from" says whose they are ("gunmen from Somalia", "armed men from Sudan").
DOER_NOUNS = {"gunman", "fighter", "militant", "rebel", "insurgent", "man", "assailant", "attacker", "raider", "bandit",
              "gang",
              "militiaman", "soldier", "troop", "force", "guerrilla", "guerilla", "commando", "infiltrator",
              "tribesman", "pirate", "militia", "group", "unit"}
UNREAL_ADJS = {"expected", "planned", "proposed", "possible", "potential", "likely", "upcoming", "future",
               "prospective", "scheduled", "anticipated"}
# A verb that stops, cuts or bars something and the ties or dealings it stops: together a reduction of relations
# (CAMEO 16: "halted imports", "froze loans", "cancelled flights"), or, for fighting, a de-escalation (CAMEO 087:
# "halted the shelling"). The lexicon lists the common pairs; these sets make the rest of the grid.
STOPPING_VERBS = {"halt", "suspend", "stop", "cut", "freeze", "end", "cancel", "sever", "downgrade", "reduce", "curb",
                  "ban", "scrap", "terminate", "discontinue", "interrupt", "block", "restrict"}
TIES_NOUNS = {"aid", "assistance", "talk", "talks", "negotiation", "dialogue", "trade", "import", "export", "sale",
              "delivery", "shipment", "supply", "funding", "loan", "credit", "investment", "cooperation", "relation",
              "tie", "link", "contact", "exchange", "flight", "visit", "membership", "subsidy", "grant", "purchase"}
FIGHTING_NOUNS = {"fighting", "offensive", "attack", "bombing", "shelling", "raid", "airstrike", "strike",
                  "hostility", "operation", "campaign", "bombardment", "assault"}
# Verbs that lift a penalty, and the penalties (CAMEO 085: ease sanctions, embargo, blockade).
EASING_VERBS = {"lift", "ease", "relax", "loosen", "remove", "suspend", "end", "scrap", "waive"}
PENALTY_NOUNS = {"sanction", "embargo", "blockade", "siege", "boycott", "quota", "tariff", "closure"}
# Verbs of harm that are attacks when arms or armed men do them ("Iraqi jets hit the terminal", "shells pounded
# the town"), and other things when others do ("prices hit a record"), and the arms that make them attacks.
ARMED_HARM_VERBS = {"hit", "pound", "rake", "blast", "target", "rock", "slam", "batter", "hammer", "pummel"}
WEAPON_NOUNS = {"jet", "warplane", "plane", "aircraft", "helicopter", "gunship", "missile", "rocket", "artillery",
                "tank", "gunboat", "drone", "bomber", "fighter", "shell", "mortar", "gunman", "militant", "rebel",
                "guerrilla", "guerilla", "militiaman", "insurgent", "commando", "sniper", "battery", "bomb"}
# Verbs that carry forces somewhere: with a force noun they deploy it ("poured troops into X"), as "move troops".
CONVEYING_VERBS = {"pour", "rush", "fly", "airlift", "ship", "bring", "truck", "bus", "ferry", "move", "shift",
                   "transfer", "redeploy", "station", "base", "throw", "mass", "concentrate", "position"}
DEPLOYED_NOUNS = FORCE_NOUNS | WEAPON_NOUNS | {"police", "policeman", "reinforcement", "reservist", "paratrooper",
                                               "commando", "division", "battalion", "brigade", "regiment", "vehicle"}
# Words of an inquiry: one a state's body opens into what names no other state is into its own affairs.
INQUIRY_WORDS = INQUIRY_NOUNS | {"investigate"}  # the nouns the actor finder reads, and the verb
# Verbs of handing a thing back or over: the one it goes 'to' is the one the retreat is toward.
HANDING_VERBS = {"hand", "give", "return", "transfer", "restore", "cede"}
# A state's own affairs that its parties boycott, reject or back ("threatened to boycott the elections").
HOME_AFFAIRS = {"election", "vote", "poll", "referendum", "constitution", "budget", "runoff", "run-off"}
# Nouns of a scheme whose infinitive says what was planned, not done ("a plot to blow up an airliner").
PLOT_NOUNS = {"plot", "plan", "scheme", "conspiracy"}
