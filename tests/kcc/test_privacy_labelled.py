"""The masker against labelled sets of contact-log snippets, each written by someone who had not seen the
masker: ``pii_labelled.jsonl`` (278 snippets; the masker was tuned after its first run on it),
``pii_holdout.jsonl`` (219 snippets in other styles: chat questions, English, signatures, names of many origins),
``pii_fresh.jsonl``, ``pii_final.jsonl``, ``pii_fifth.jsonl``, ``pii_sixth.jsonl``, ``pii_seventh.jsonl`` and
``pii_eighth.jsonl`` and later sets (below).
One snippet a line, ``{"id", "field", "text", "pii": [{"type", "value"}]}``; ``"pii": []`` for a snippet without
personal data.

The held-out set is no longer untouched. At its first run (2026-11-30) it measured bsn 17/17, iban 17/17, phone
25/25, email 17/18, name 70/78, address 25/29, postcode 14/14, birth_date 14/15, licence_plate 14/15 and false
positives 4/86 (0.047). Its misses were then read, and general rules made from them, each tested with sentences of
its own in test_privacy.py: a reference cue earlier in the clause, agents' abbreviations, institutions named after a
person, counts after a street, e-mail addresses with "[at]", names of any origin after a person cue, countries and
nationalities. Since: email 18/18, name 78/78, address 28/29, birth_date 15/15, licence_plate 15/15, false
positives 0/86; the tuned set unchanged (all 1.000, false positives 1/90). These are figures after tuning on the
set, not a measurement.

``pii_fresh.jsonl`` (234 snippets, 104 without personal data, written with traps by a third person who saw neither
the masker nor the other sets) was the measurement until its misses were read. Before the general rules above it
measured bsn 19/21, iban 19/20, phone 32/32, email 18/18, name 95/112, address 29/35, postcode 18/18, birth_date
20/22, licence_plate 14/16, false positives 24/104 (0.231); after them (its first run with them): name 101/112,
address 32/35, birth_date 21/22, false positives 12/104 (0.115), the rest unchanged. Its BSN and IBAN misses and
its false positives were then read, and general rules made from them, each tested with sentences of its own in
test_privacy.py: a BSN in any grouping (after a BSN cue whatever the grouping; without one by the 11-test, with
separators of one kind and not the shape of a date, time, amount or phone number); an IBAN with dashes or dots
between its groups; a reference named earlier in the sentence ("het nummer van mijn melding ... was N", "de polis
... heeft nummer N"); a title followed by a lower-case word that no name list holds ("Meneer belde"); a club's
word or an article before a name of two words (a club, shop or place named after a person, "bij de Albert
Heijn"); "arena" as an institution's word; a system's or a public body's team mailbox ("noreply@", "balie@gemeente-
...") is no one's. Since: bsn 21/21, iban 20/20, false positives 1/104 (0.010: a municipality's "info@" at a
domain without a public-body word), the rest unchanged (name 101/112, address 32/35, birth_date 21/22,
licence_plate 14/16, all above their targets); the other two sets unchanged. These are figures after tuning on the
set: no set is untouched any more.

``pii_final.jsonl`` (181 snippets, 83 without personal data, written by a fourth person after all the rules above)
measured untouched at its first run: bsn 15/16, iban 16/16, phone 24/24, email 16/16, name 69/78, address 23/23,
postcode 17/17, birth_date 15/16, licence_plate 15/15, false positives 4/83 (0.048). Its BSN miss and its false
positives were then read, and general rules made from them, each tested with sentences of its own in
test_privacy.py: "bsnummer" ("bsn" and "nummer" run together) is a BSN cue, not a compound on "nummer"; a
reference cue that says "number" right after the number names it ("N is mijn klantnummer"); the year of a written
date is no postcode ("23 mei 2025 om 14:00"); an institution word before a hyphen in a compound names an
institution ("Cultuurfonds-regeling"); a shop or company named after a person is no one, also without an article
("bij Albert Heijn", a word list). Since: bsn 16/16, false positives 0/83, the rest unchanged (name 69/78,
birth_date 15/16, all other types 1.000); the other three sets unchanged. These are figures after tuning on the
set, not a measurement.

``pii_fifth.jsonl`` (166 snippets, 79 without personal data, a fifth writer) measured untouched against the same
masker: bsn 20/20, iban 10/10, phone 25/29, email 13/13, name 64/68, address 29/29, postcode 15/15, birth_date 14/14,
licence_plate 18/18, false positives 10/79 (0.127). Each new writer still finds gaps: phone notations and
non-PII text the masker changes. Its misses were then read, and general rules made from them, each tested with
sentences of its own in test_privacy.py: a Dutch subscriber number of ten digits (trunk 0, no service range) in a
range not handed out yet ("06-90878830") that no reference cue names; a team's or role's mailbox at any domain that
names no people (no surname's particle, no homeowners' association: "kcc@zuiderveen.nl"); English reference cues
("reference", "case number"); a place's word before a name ("sportpark Johan Cruijff"); a surname's capitalised
particles before it ("Van den Nguyen"); a role in the contact before a name ("melder Okafor"). Since: phone 29/29,
name 67/68, false positives 0/79; the other four sets unchanged. These are figures after tuning on the set.

``pii_sixth.jsonl`` (244 snippets, 113 without personal data, a sixth writer who saw neither the masker nor the
other sets) measured untouched at its first run, after all the rules above: bsn 18/18, iban 17/17, phone 20/20,
email 16/17, name 80/93, address 27/28, postcode 16/16, birth_date 17/18, licence_plate 18/18, false positives
4/113 (0.035). Its e-mail miss is a mailbox at a company named after its owner without a particle
("info@schildersbedrijf-bakker.nl"), which the fifth set's mailbox rule now leaves; its false positives are words
after "my" and "King's", a scouting group named after a person, an event's name and year taken for an address.
These were then read, and general rules made from them, each tested with sentences of its own in test_privacy.py:
a team's mailbox at a company named after its owner (a listed surname among its domain's words); a possessive is
never part of a name; groups, clubs, choirs and associations named after a person ("scoutinggroep Willem de
Zwijger"); a name and a year is no address unless a street's word is in it. Since: email 17/17, false positives
1/113 (0.009: "King's Day"), the rest unchanged; the other five sets unchanged. These are figures after tuning.

``pii_seventh.jsonl`` (284 snippets, 137 without personal data, a seventh writer) measured untouched at its first
run, after all the rules above: bsn 21/21, iban 21/21, phone 26/26, email 18/18, name 124/139, address 39/41,
postcode 20/20, birth_date 23/25, licence_plate 23/24 (every recall at its target), false positives 6/137 (0.044):
a dog's name after "mijn hond", a waste company's name, a square named after a mayor without a house number, a
homeowners' association after "namens", a team mailbox whose word no list holds ("kwijtschelding@"), and an
organisation's general number. These were then read, and general rules made from them, each tested with sentences
of its own in test_privacy.py: a name after an animal's word is a pet's; a company's or service's word first
("Inzamelbedrijf ...", "-dienst") names an institution; a title before a particle that begins a street's name
("Burgemeester de Withplein", which the lists cut in two) is the street's; an acronym in mixed case ("VvE") is no
name; a team's mailbox named by a common Dutch word that no name list holds (``wordfreq``), at a domain that is no
consumer mail provider's; a phone number after an organisation's cue ("algemeen nummer", "hoofdnummer"). Since:
false positives 0/137, the rest unchanged; the other six sets unchanged.

``pii_eighth.jsonl`` (260 snippets, 130 without personal data, an eighth writer who saw neither the masker nor the
other sets and was asked for traps) measured untouched at its first run, after all the rules above: bsn 17/17,
iban 16/16, phone 24/24, email 17/17, name 129/140, address 31/31, postcode 16/16, birth_date 18/19, licence_plate
19/19 (every recall at its target), false positives 11/130 (0.085). Its false positives were then read, and general
rules made from them, each tested with sentences of its own: pets listed after an animal's word ("2 honden (Bello
en Saartje)"); a day and a month are a date, not a house number ("Buurtfeest 31 mei"), nor is the month a first
name ("on 1 July"); a street's word alone after an article is a place ("op de Dam"); an address right after an
institution and "aan"/"op" is the institution's ("het stadhuis aan de Amstel 1"); a reference with leading zeros
after a reference cue is no international phone number ("abonnement nr. 00448127"); a capitalised word right after
a shop's name with an article is part of it ("bij de Hans Anders"). Since: false positives 5/130 (0.038), the rest
unchanged. What is left needs knowledge no list holds: a single surname that is also a shop ("de Zeeman"), a bakery
chain ("Bakker Bart"), a sub-team ("Stadsbeheer – Groen"), a piece of music ("Für Elise"), the town hall's street
("Stadhuisplein 1").

``pii_ninth.jsonl`` (260 snippets, 130 without personal data, a ninth writer who saw neither the masker nor the
other sets and was asked for traps) measured untouched at its first run, after the eighth set's rules: bsn 18/19,
iban 18/18, phone 31/32, email 17/17, name 106/117, address 38/41, postcode 24/24, birth_date 21/27, licence_plate
23/23, false positives 17/130 (0.131). Its recall misses were then read, and general rules made from them, each
tested with sentences of its own: a phone number on its own line is no part of a longer code (a pattern's ``$``
matched before the line break); a date right before a birth word ("is op 2024-01-17 geboren", "1948'de doğdu");
a day written with a dot and German, Polish and Turkish month names ("geboren am 3. Juli 1994"). Since: phone
32/32, birth_date 24/27; the other eight sets unchanged. Its false positives are famous people (streets, statues,
poems: "Annie M.G. Schmidt", "Michiel de Ruyter"), companies and institutions ("De Jong & Zn.", "Van Dijk
Techniek", "Wageningen University", "GGD Hollands Noorden") and public buildings' addresses; no rule was made for
them yet.

``pii_tenth.jsonl`` (260 snippets, 130 without personal data, a tenth writer who saw neither the masker nor the
other sets) measured untouched at its first run, before the ninth set's false-positive rules: bsn 21/22, iban 22/22,
phone 35/35, email 19/19, name 120/133, address 44/45, postcode 22/22, birth_date 28/32, licence_plate 22/22, false
positives 11/130 (0.085). Then the ninth set's false positives were read and general rules made from them (below),
and the tenth set measured again, still untouched: false positives 7/130 (0.054), the rest unchanged. Its own false
positives and misses were then read too. Rules from the two sets, each tested with sentences of its own: a legal
form or "& Zn." with a name makes it a company's ("De Jong & Zn.", "Van Leeuwen B.V.", "Kapsalon Petra & Co"); a
firm of partners with its trade's word ("Smit & Verhoeven Notarissen"); a shop's, club's or newspaper's word in or
right before the name ("Bakkerij De Korenschoof", "Dagblad van het Noorden", "GGD Hollands Noorden"); institution
words in English and German ("Wageningen University"); German and English salutation words ("Damen und Herren",
"Sie"); a public figure: the maker or subject of a work ("het standbeeld van ...", "'titel' van ..."), whom
something is named after ("vernoemen naar ...") or a royal title ("koning ..."); a bridge's or a street's word
glued to the name ("Koning Willem-Alexanderbrug"); birth words in Polish and Turkish ("urodzona", "doğum
tarihi"). Since: ninth set false positives 4/130 (0.031), tenth 2/130 (0.015), birth_date 30/32; the other sets
unchanged or better (eighth 5 → 4 false positives).

``pii_eleventh.jsonl`` (260 snippets, 130 without personal data, an eleventh writer who saw neither the masker
nor the other sets and was asked for traps: famous people, titles, churches, companies) measured untouched at its
first run, after the rules above: bsn 21/21, iban 20/20, phone 31/31, email 19/19, name 111/127, address 37/38,
postcode 20/21, birth_date 27/32, licence_plate 21/21 (every recall at its target), false positives 14/130 (0.108).
Its false positives were then read and general rules made from them: a title in capitals after an article before
"van" ("Het Achterhuis van ..."); an institution named by its letters before "op" ("de OBA op ..."); a street
written with a hyphen ("Karel Doorman-straat"); a language after "het" ("in het Engels"); the number a reference cue
names right before it, also in a phone number's shape ("factuurnummer 0643219876"); a bakery chain ("Bakker
Bart"); and, for its dates of birth, a whole date right beside a name or a BSN, in a list or in brackets, at least
two years ago ("Kl. ..., 1987-11-02, [BSN]", "mijn vader, ... (7 oktober 1939)"; an appointment's date is recent),
and French months after "née le". Since: false positives 7/130 (0.054), birth_date 31/32; on the other sets
birth_date rose too (ninth 24 → 27/27, final 15 → 16/16, seventh 23 → 24/25), nothing fell.
Left: the House of Orange ("Willem van Oranje", a film "Soldaat van Oranje"), a
sub-team ("Openbare Ruimte / Groen"), "King's Day", an institution's address a sentence after it, and a postcode
that names an area ("postcodegebied 2512 AB"), which the earlier writers labelled as personal data and this one
did not.

``pii_twelfth.jsonl`` (260 snippets, 130 without personal data, a twelfth writer who saw neither the masker nor the
other sets and was asked for traps of 52 kinds) measured untouched at its first run: bsn 20/20, iban 13/13, phone
37/37, email 12/12, name 110/117, address 33/33, postcode 14/14, birth_date 21/21, licence_plate 12/12 (every recall
at its target), false positives 21/130 (0.162). Rules made from its false positives, each tested with sentences of
its own: fixed expressions with a first name ("Jan Modaal", "Jan en alleman", "Oud en Nieuw"); a team's word before
the name ("doorgezet naar team Groen"); a royal title kept with the name ("van koning Willem-Alexander"); a public
facility's address right after its common noun ("bij afvalbrengstation Handelsweg 3-5"; new facility words:
station, kantoor, milieustraat, brengpunt); and a list of 369 public figures' full names that residents are very
unlikely to carry too ("Geert Wilders", "Vincent van Gogh"), written by a helper who saw none of the sets. Since:
twelfth 9/130 (0.069), eleventh 5/130, ninth 3/130; no recall changed in any set. Left: a public building's
address a sentence after it ("Adres gegeven: Stadhuisplein 1"), brands ("Bol.com", a corporation "Ymere"), a
storm's name, a film title, and a container chip's number in a phone number's shape.

Their two BSN misses (the ninth's "my BSN for the rental permit? it's N", the tenth's "BSN ontbreekt in aanvraag,
kl. geeft door: N": a reference word that names no number stood between the cue and the number) were read on
2026-12-02 and a general rule made from them, tested with sentences of its own: a BSN cue further back in the
clause or the sentence before names a number that passes the 11-test when only such words come between. Since:
ninth bsn 19/19, tenth 22/22; no false positive more in any set.

The four sets' last false positives were read on 2026-12-02 as well (eighth 4, ninth 3, eleventh 5, twelfth 9 of
130), and general rules made from them, each tested with sentences of its own in test_privacy.py: a storm's given
name, like a pet's ("na storm Ciarán"); no country code begins with 0, so "0004518827" is a code, not a phone
number; a name right before a web domain is a shop's ("Bol.com"); a possessive before a capitalised word names a
day or a shop ("King's Day"); a work's title right after a work's word ("de film Soof 3") or in quotes before
"van" and its maker ("'Für Elise' van Beethoven"); an address after an institution's name and a comma is the
institution's ("basisschool De Regenboog, Schoolstraat 21"); "op de" alone is no one; "secretariaat" and
"griffie" end an institution's name; a department's sub-team, one common word that is no first name, after a
department's name and a dash or slash ("Stadsbeheer – Groen"; "Burgerzaken – Yvonne" stays a person); and a list
of organisations whose names hold a surname ("Het Rode Kruis") and of the larger housing corporations
("verhuurder Ymere"). Since: eighth 2/130, ninth 1/130, eleventh 2/130, twelfth 2/130, every recall unchanged in
all twelve sets. Left: the town hall's address given as information ("Stadhuisplein 1", "Spui 70"), a single
surname that is also a shop ("de Zeeman"), a postcode area, a company's phone number in a letter. These are
figures after tuning on the sets; the thirteenth set (below) is the measurement.

``pii_thirteenth.jsonl`` (260 snippets, 130 without personal data, a thirteenth writer who saw neither the masker
nor the other sets, asked for traps of 40 kinds; written 2026-12-02 after all the rules above) measured untouched
at its first run: bsn 23/23, iban 16/16, phone 47/47, email 16/16, name 135/142, address 36/36, postcode 18/18,
birth_date 32/35, licence_plate 14/14 (every recall at its target), false positives 17/130 (0.131): a mayor named
by the office, a language without "het", a brand in a compound ("Philips-wasmachine") or after "merk", a Bible
reference, a film title in quotes, "22.00 u." taken for an initial, a factory's and a shop's name, public
buildings' addresses after their name and a comma, a law firm's second partner, a children's book character, the
municipality's own IBAN, a form's example postcode. Rules made from them, each tested with sentences of its own:
an office's title before a name ("burgemeester Halsema", not "Burgemeester Visserplein 3B"); a language word is
never a name; a name glued to a lower-case noun by a hyphen is a brand ("Jansen-van Dijk" stays); a name before
chapter and verse; a name in quotes is a title; an hour's "u."; "fabriek" and "winkel" end an institution's name;
an institution's noun or name before the comma may be capitalised ("het Raadhuis, Markt 1"), but not a listed
surname ("Hr. Bram Oosterhuis, Hoofdweg 112" is a home). Since: thirteenth 8/130 (0.062), every recall in all
thirteen sets unchanged.

Its last eight were read on 2026-12-02 and general rules made from them, each tested with sentences of its own in
test_privacy.py: a firm's second partner after "&" ("Advocatenkantoor De Wit & Jansen"); characters of children's
books and television ("Dikkie Dik", a list in privacy.yaml); a district or region named by a point of the compass
("wijkagent Centrum-Oost"); a homeowners' association and a royal house's name; a public body's IBAN, named as its
holder right after it ("... ten name van de gemeente"), and nothing inside it taken for a phone number; a code
printed on a thing ("het nummer op de container is 0412 7788 99"); a form's example ("bijv. 1234 AB"); an
institution's postcode right after its address. Since: thirteenth 0/130, every recall in all thirteen sets
unchanged. These are figures after tuning; the fourteenth set (below) is the measurement.

``pii_fourteenth.jsonl`` (260 snippets, 130 without personal data, a fourteenth writer who saw neither the masker,
the other sets nor the code, asked for traps of at least 40 kinds; the trap kinds suggested to it included some of
the thirteenth set's: children's characters, the municipality's own IBAN, example values), written 2026-12-02 after
the rules above, measured untouched at its first run: bsn 12/12, iban 10/10, phone 24/24, email 10/12, name 82/89,
address 24/28, postcode 10/10, birth_date 17/17, licence_plate 12/12, false positives 10/130 (0.077): an address
spelled out in words ("jan punt de vries at gmail punt com") and one with a doubled "@"; a children's duo, the
municipality's IBAN named by the question before it, a plate's format ("XX-999-X"), an example phone number, a title
in quotes with words before the name, an office with a hyphenated place's name before its address, a PO box's
postcode, a container's chip number, "kinderen geboren na 1 januari 2021", a city ("Den Bosch"). Rules made from
them, each tested with sentences of its own: an e-mail address in words and with "@@"; a public body's account named
before the IBAN; a format of X's and 9's is no plate; an example's word before a phone number or postcode; a PO box's
postcode; "chip" is a reference word; a birth cue with a bound ("geboren na") names a group; a title in quotes may
hold words before the name; "loket" ends an institution's name; "Hr." is a person cue. Since: fourteenth email
12/12, name 83/89, false positives 1/130 ("Den Bosch"), every recall in all fourteen sets unchanged or higher.

``pii_fifteenth.jsonl`` (260 snippets, 130 without personal data, a fifteenth writer who saw neither the masker,
the sets nor the code and chose the traps itself, at least 40 kinds), written 2026-12-02 after the rules above,
measured untouched at its first run: bsn 12/12, iban 12/12, phone 35/35, email 17/17, name 114/135 (0.844, below
0.85), address 40/43, postcode 15/15, birth_date 20/24 (0.833, below 0.85), licence_plate 15/15, false positives
11/130 (0.085): a supermarket ("bij de Dirk"), a fair's days after a street ("Hoogstraat 22-28 juni"), "P+R", a
place's adjective ("Amsterdamse Bos"), an embassy's address, a builder named after its founders, a street named with
a title's initials ("Mr. Jac. Takkade"), the municipality's IBAN "van de gemeente", a dog's breed, a market named
after a person ("Albert Cuypmarkt"), puppets; its missed names mostly sign the text in lower case ("gr. dennis",
"wat nu? rachid"). Rules made from them, each tested with sentences of its own: a range of days before a month;
initials between a name and a street; a first name before a street's or market's name without a number; "van" as
an account's holder; a place's adjective (deduce's place list); "ambassade" and "consulaat" end an institution's
name; "P+R"; lists of puppets, dog breeds and builders; a first name of the lists that signs the text, alone at its
end after a greeting or a sentence's end; the Polish "ur.". Since: fifteenth name 119/135, birth_date 21/24, false
positives 0/130; the signature rule found 21 names more across the other sets, no recall fell and no false positive
came back in any set.

``pii_sixteenth.jsonl`` (200 snippets, 100 without personal data, a sixteenth writer as blind as the others, its
own trap kinds), written 2026-12-02 after the fifteenth set's rules and measured once, untouched: every recall
target met (bsn 11/11, iban 10/10, phone 18/18, email 11/11, name 74/76, address 20/21, postcode 9/9, birth_date
12/12, licence_plate 14/14), false positives 7/100 (0.07). Its false positives were then read, and general rules
made from them, each tested with sentences of its own in test_privacy.py: a phone number that a few words after it
call an organisation's ("Is 020 ... nog het algemene nummer van de gemeente?"); a public body's account named
before it without "van de" ("rekening gemeente NL..") or held at a bank without private clients (BNG Bank); the
digits of an IBAN's pattern ("NLxx BANK 0123 4567 89"); a pet named after "heet" with its animal's word in the
sentence before; a region's name after "regio"; a day and month with a leading zero after a park's name
("Zuiderpark 28-06"); a letter without a full stop that stands for a name ("dhr. X"). Since: false positives 0/100,
the recalls unchanged; every other set unchanged.

``pii_seventeenth.jsonl`` (200 snippets, 100 without personal data, a seventeenth writer as blind as the others,
who chose 66 trap kinds of its own), written 2026-12-02 after the sixteenth set's rules and measured once,
untouched: bsn 11/11, iban 10/10, phone 18/18, email 11/12 (below the target), name 75/77, address 20/20,
postcode 9/9, birth_date 12/12, licence_plate 12/14, false positives 4/100 (0.04: a municipal office's address in
the sentence after the one that names it, a recycling centre's address after a colon, the shop chain "Hans Anders",
the abbreviation "o.g.v."). Its misses were then read, and general rules made from them, each tested with
sentences of its own in test_privacy.py: an e-mail address spelled out with dots in its name part
("m.dekker1975 at hotmail punt com"); a family after "gezin"; another country's plate right after its cue
("kenteken DO-AB 123"); the four false positives' kinds. Since: email 12/12, name 76/77, licence_plate 13/14,
false positives 0/100; every other set unchanged.

``pii_eighteenth.jsonl`` (200 snippets, 100 without personal data, an eighteenth writer as blind as the others,
asked for a big city's styles: chat, pasted e-mails, callers who spell things out; 76 trap kinds of its own),
written 2026-12-02 after the seventeenth set's rules and measured once, untouched: bsn 11/11, iban 10/10, phone
18/19 (below the target: a number spelled out in words), email 12/12, name 80/87, address 18/21, postcode 9/9,
birth_date 10/12 (below the target: "birth date", "dogum tarihi"), licence_plate 14/14, false positives 6/100
(0.06: the municipality's WhatsApp number named in the sentence before, a team mailbox named by a compound, two
letters spelled "D van Dirk", a chatbot's name after "ik ben", the municipality's number from abroad). Its misses
were then read, and general rules made from them, each tested with sentences of its own in test_privacy.py: a
phone number spelled out in digits' words; a public body's number named in the sentence before ("het
WhatsApp-nummer van de gemeente? 06-..."), unless a possessive follows; a team's mailbox named by a compound of two
common words, neither a name; a letter spelled with a first name or a place's name; surnames by their Slavic and
Ukrainian endings ("Stojanović", "Kovalenko"); a street's ordinal ("1e Jan Steenstraat") and a floor ("14 1-hoog");
"birth date", "dogum tarihi", "his name". Since: phone 19/19, name 83/87, address 21/21, birth_date 12/12, false
positives 2/100 (the chatbot "Gem", and the municipality's general number dialled from abroad); in the other sets
seven more values found (fresh, ninth, eleventh, fourteenth, fifteenth), no false positive more.

``pii_nineteenth.jsonl`` (200 snippets, 100 without personal data, a nineteenth writer as blind as the others,
asked for a small rural municipality's styles: farmers, village life, dialect, letters typed over; 73 trap kinds of
its own), written 2026-12-02 after the eighteenth set's rules and measured once, untouched: bsn 11/11, iban 10/10,
phone 20/20, email 11/12 (below the target: "sjoerddevries @ gmail . com"), name 76/81, address 22/22, postcode
9/9, birth_date 12/14, licence_plate 14/14, false positives 13/100 (0.13: a traffic decree's code in a plate's
shape, a municipality's mailbox at a domain holding a surname, two foundations' RSINs taken for BSNs, an
association's and a parish's accounts, a tractor brand, a law's abbreviation after an article, a form's example
phone number, a windmill's name, a building plot, a parish named after a saint, a village hall's line). Its misses
were then read, and general rules made from them, each tested with sentences of its own in test_privacy.py: a
reference word right before a plate-shaped code (not after a form's label); a public body's word in a mail domain
outweighs a surname in it; "RSIN" and "besluit" as reference words; an account whose holder, named after it, is a
public body or an institution; machine brands, windmills and ships as things with given names; a law's
abbreviation after an article's number; plots; an institution's word first in a name; a phone number followed by
"als voorbeeld" or by an institution's common noun in brackets; an e-mail address with spaces around "@" and its
dots. Since: email 12/12, false positives 0/100 (names 76/81 and birth dates 12/14 unchanged: an alderman named by
his office, which the masker leaves as a public figure and this writer labelled; a signature "M. Olthof"; a
date of birth whose cue stands a clause before it); every other set unchanged.

``pii_twentieth.jsonl`` (200 snippets, 100 without personal data, a twentieth writer as blind as the others, asked
for the social domain and for international residents writing in English; 73 trap kinds of its own, no public
officials), written 2026-12-02 after the nineteenth set's rules and measured once, untouched: bsn 11/11, iban
10/10, phone 17/18 (below the target: a number after "klant"), email 12/12, name 78/85, address 19/20, postcode
9/9, birth_date 12/12, licence_plate 12/15 (below the target: a plate after "parkeervergunning voor", which the
nineteenth set's reference rule took for a reference, and two foreign plates without a cue), false positives 8/100
(0.08: a date after "BSN appointment is on", the ends of two 16-digit payment references that pass the 11-test,
a food bank's number named before it, an obfuscated team mailbox, an embassy's and the city hall's address, "my
bank"). Its misses were then read, and general rules made from them, each tested with sentences of its own in
test_privacy.py: a date is no BSN, also after a BSN cue; digit groups that end a longer reference are part of it;
an institution's or organisation's number named before it; an obfuscated mailbox judged as the plain address; a
customer's number after "klant"; a reference word names a plate-shaped code only right before it. Since: phone
18/18, licence_plate 13/15, false positives 3/100 (still above the target); every other set unchanged. On
2026-12-02, third session: a possessive is no first name ("my bank": "My" and "Bank" are in deduce's lists). Since:
false positives 2/100 (0.02, at the target: an embassy's and a city hall's address named a clause before them);
every other set unchanged.

``pii_twentyfirst.jsonl`` (200 snippets, 100 without personal data, a twenty-first writer as blind as the others,
asked for a border municipality: Belgian and German residents and workers, the business desk, local taxes, burials,
dialect, German and French questions; 65 trap kinds of its own), written 2026-12-02 after the twentieth set's rules
and measured once, untouched: bsn 12/12, iban 10/10, phone 27/29, email 16/16, name 118/121, address 26/34,
postcode 8/17, birth_date 14/17, licence_plate 15/17 (below the target: phone, address, postcode and birth_date),
false positives 14/100 (0.14). Its misses were then read, and general rules made from them, each tested with
sentences of its own in test_privacy.py: another country's street forms ("Kleikstraße 27", "Jülicher Str. 102",
"Rue de la Station 4"), a Belgian box number ("bus 12"), a title written short before a street ("Past."), another
country's postcode right after an address; "°" and "*" glued to a date of birth; another country's number without
its country code after a phone cue ("Bel 09 345 67 89"); a first name in lower case after a person cue ("ik ben
jeroen"); a couple's other half ("Klaus und Petra Wagner"); a vehicle's word and a list of plates naming foreign
plates; company, VAT and call numbers as references ("ondernemingsnr.", "gespreks-ID"); organisations' accounts
by their legal form or word before the IBAN ("Camping De Gulperberg B.V., NL85 ...", "IBAN van de Verein ...");
institutions' addresses after a name with "van" or in quotes, banks; organisations' numbers named right before
them or after a referral ("Tel. gemeente Lanaken (+32 ...)", "verwezen naar BelastingTelefoon Buitenland +31 ...");
a name that begins with a thing's word ("Storm Ciarán"); one word of two common words run together
("Poëziefestival"). Since: phone 29/29, name 121/121, address 34/34, postcode 16/17, birth_date 17/17,
licence_plate 17/17, false positives 0/100; in older sets 17 more values found (names and plates in the seventh,
eighth, tenth, twelfth, thirteenth, fifteenth, seventeenth and twentieth), no false positive more.

``pii_twentysecond.jsonl`` (200 snippets, 100 without personal data, a twenty-second writer as blind as the others,
asked for the newer channels: WhatsApp and social-media messages, transcripts of calls by speech-to-text, and a
big city's Surinamese, Caribbean, Cape Verdean, Ghanaian and Eritrean residents; 94 trap kinds of its own), written
2026-12-02 after the twenty-first set's rules and measured once, untouched: bsn 8/12, iban 8/10, phone 17/19,
email 10/13, name 72/88, address 18/20, postcode 9/10, birth_date 9/12, licence_plate 13/15 (below the target:
bsn, iban, phone, email, name and birth_date, nearly all in transcripts that read numbers and letters out), false
positives 5/100. Its misses were then read, and general rules made from them, each tested with sentences of its own
in test_privacy.py: numbers and letters read out in words are read by ``text2num`` into a copy of the text that the
finders read, their finds mapped back (``kcc/privacy/spoken.py``); the caller's own name in lower case after a
call's opening ("ja met eh ..."), hesitations skipped; "I am" and other languages' self-introductions; a name right
before a date of birth in brackets; the rest of a hyphened surname ("Lieuw-A-Soe"); a name spelled out after it; a
spelled e-mail address's dot before its last name part; "mn" and more relatives; a pet named before its animal;
letters spelled one after another; a name after an institution's noun and an article ("Kinderopvang De Kleine
Reus"). Since: bsn 12/12, iban 10/10, phone 19/19, email 13/13, name 85/88, address 20/20, postcode 10/10, birth_date
11/12, licence_plate 15/15, false positives 1/100 (the municipality's general number in international format);
in older sets 6 more names found, no false positive more.

``pii_twentythird.jsonl`` (200 snippets, 100 without personal data, a twenty-third writer as blind as the others,
asked for the e-mail and letter channel: residents', lawyers', guardians' and care providers' e-mails with
signatures, forwarded headers and disclaimers, scanned letters with OCR errors, letterheads; 100 trap kinds of its
own), written 2026-12-02 after the twenty-second set's rules and measured once, untouched: bsn 13/13, iban 10/10,
phone 28/29, email 25/26, name 162/171, address 36/40, postcode 22/22, birth_date 15/20, licence_plate 10/11 (below
the target: phone, email, birth_date), false positives **29/100** (0.29: letterheads, mail headers, organisations'
accounts and addresses). Its misses were then read, and general rules made from them, each tested with sentences of
its own in test_privacy.py: an organisation's letterhead (a block of lines from a line that names an organisation,
with no person named in the block) lists no one's contact details (``kcc/privacy/letters.py``); a public body's
team mailbox of words that are no names ("wijkteam.centrum@gemeente.nl"); a mail header's identifier
("Message-ID:"); a period of years is no BSN; a scan's digits read as letters or with spaces ("0l-O5-2O24",
"1 1 - 0 4 - 1 9 5 5"); a number's label in brackets names that number, not the next; the address after a person's
name in a mail header is that person's; a legal form taken for initials; a letter's page ("Blad 2"); "bureau",
"afdeling" and "paleis" as institutions' words; short legal forms that are postcode letters ("KG") dropped. Since:
phone 29/29, email 26/26, birth_date 20/20, address 37/40, false positives 5/100. Then three more: a plate after
an organisation's vehicle's word ("dienstvoertuig"); an address after "het adres van" an institution earlier in the
clause; an institution's address after a floor ("Stadhuis, 3e verdieping, Markt 1"). Since: false positives 2/100
(at the target: an IBAN named an organisation's a sentence later, a time zone's cities); every other set
unchanged.

``pii_twentyfourth.jsonl`` (200 snippets, 100 without personal data, a twenty-fourth writer as blind as the others,
asked for what KCC agents type themselves: hurried contact notes, callback requests, hand-overs and "doorgezet naar"
fields in telegram style and shorthand, in the social domain, enforcement and the counters; 68 trap kinds of its
own), written 2026-12-03 after the split of ``names.py`` and measured once, untouched: bsn 9/9, iban 8/8, phone
35/35, email 8/8, name 111/119, address 18/18, postcode 14/14, birth_date 11/12, licence_plate 10/10 (every type at
its target), false positives **4/100** (0.04: an organisation's vehicle named before its plate's cue, a care
provider's name, a pet after its breed, an IBAN named "their account" after a collection agency). Its misses were
then read, and general rules made from them, each tested with sentences of its own in test_privacy.py: a surname in
lower case after a title when it is a rare word in Dutch and English ("mevr sitompul"; "mw belt" and "dhr gecheckt"
stay); a double surname whose last part ends like an institution's word and is a surname of the lists
("Mulder-Kamphuis"); a date of birth with an apostrophe for the century ("3/4/'52"); a service vehicle named before
"(kenteken"; "aanbieder" and "leverancier" as institutions' words; dog breeds as animals' words. Since: name 115/119,
birth_date 12/12, false positives 1/100 (the collection agency's IBAN); every other set unchanged but for two dates
of birth in the "'85" form now masked.

``pii_twentyfifth.jsonl`` (200 snippets, 100 without personal data, a twenty-fifth writer as blind as the others,
asked for structured text pasted into notes: web forms, exports as CSV, tab- and bar-separated tables, JSON, XML and
SQL fragments, case systems' notifications, SMS; 128 trap kinds of its own), written 2026-12-03 after the
twenty-fourth set's rules and measured once, untouched: bsn 13/14, iban 17/18, phone 37/38, email 15/15, name
**101/145**, address 27/30, postcode 18/18, birth_date **19/32**, licence_plate 10/10, false positives 10/100: the
worst recall since the first sets, because a column's header or a field's label says what a value is where the
value alone does not ("Ramdin" under "Achternaam", "19870312" under "geboortedatum"). Its misses were then read,
and general rules made from them, tested with cases of their own in test_privacy_fields.py: values named by a
column's header, a line's label, a JSON key or an XML element (``kcc/privacy/fields.py``, the labels in
``veldlabel``), placeholders and masked values left alone, a case number's column and an organisation's table or
field no one's; a range of postcodes; a format's example. Since: name 133/145, birth_date 32/32, iban 18/18, phone
38/38, address 30/30, false positives 4/100 (a council member in her public role, an institution's visiting address
in a sentence, a street segment's range of house numbers, rooms named after trades) and bsn 13/14 (a BSN in a
system's path, "persoon/227155488"): both below the target, expected failures then. The next session's rules (a
path's person resource before a number that passes the 11-test; an elected member in her public role; a visiting
address's label; a list of a street's stretches, "Lindelaan 1-39 (oneven)") brought them to bsn 14/14 and false
positives 1/100 (rooms named after trades in a schedule's header). Every other set unchanged but for three values
now found.

``pii_twentysixth.jsonl`` (200 snippets, 100 without personal data, a twenty-sixth blind writer, asked for scanned
letters and forms read by OCR, with its broken lines, stray characters and letters for digits, and chats with
residents in English or in English mixed with Dutch), written 2026-12-03 after the twenty-fifth set's rules and
measured once, untouched: phone **13/14** (an OCR'd "O6-2O481537"), name 84/91, address 31/32, birth_date 17/19,
false positives **7/100**, the rest at 1.000. Its misses and false positives were then read, and general rules made
from them, tested with sentences of their own in test_privacy.py: a letter's salutation ("Geachte heer") and English
titles ("Mrs") as person cues, "Hi, this is" as a speaker's cue; a full name after a greeting at a text's end
("Vr.gr. Ahmad Al-Khatib") when its first word is a first name of the lists or an initial; a question's cue naming
the value on the answer's line ("date of birth?\nResident: 3 Oct 1990"); a bilingual month ("11 MRT/MAR 1988"); a
form's value between underscores, an account holder's and a witness's field, a phone number's field read with
letters for digits; a month alone ("in May"), an English street without a number ("Rose Street"), an office of a
place ("Burgemeester van Dijkerveen") and a name followed by an institution's word at a phrase's end ("Wervelde
municipality,") are no one's; a public body's account or address asked for in one turn and given in the next. Since:
phone 14/14, name 90/91, birth_date 19/19, false positives 1/100 (an organisation's mailbox named after its place);
every other set unchanged but for one false positive fewer (the eleventh's) and six names that sign a letter now
masked whole.

``pii_twentyseventh.jsonl`` (200 snippets, 100 without personal data, a twenty-seventh blind writer, asked for
objections, complaints and enforcement reports full of numbers that are no one's: ECLI and court case numbers,
cadastral parcels, WOZ object numbers, EAN codes, meter and chassis numbers, RSINs that pass the 11-test, BOA
numbers, municipal and company vehicles), written 2026-12-03 after the twenty-sixth set's rules and measured once,
untouched: every recall at its target (names 107/114, the rest 1.000) and false positives **16/100**. Its false
positives were then read, and general rules made from them, tested with cases of their own in test_privacy.py: a
public body's vehicle named earlier in the plate's clause ("Handhavingsvoertuig van de gemeente (..., kenteken"); a
place right after its postcode; what another finder read inside an account a letterhead lists; the "s." of a
possessive before a sentence's first word; a code's digits glued to its letters ("E0031400012345"); a function's
mailbox by its name's ending ("klachtencoordinator@"). Since: false positives 6/100, an expected failure below
(organisations' phone numbers named by a department or a law firm, a law firm's name ending in a surname, an RSIN
named further on in its sentence, a company's van, a municipal van named before an abbreviation); every
other set unchanged but for one name after "it's" now masked alone. The next session (2026-12-03, third) read three
of those six: a service vehicle's clause runs on across an abbreviation's full stop ("(afd. Groen):"); a phone
number listed right after an organisation's function mailbox ("(info@...nl, 020-...)") is the organisation's; an
institution's word, then one or two capitalised words of its own before a name ("Stichting Derdengelden Van der
Linden"), and a firm's partner after "&" up to five words after its institution's word. Since: false positives
4/100 (a department's phone number, a law firm's name on its letterhead's first line, an RSIN named further on, a
company's van); every other set unchanged. On 2026-12-03 (fourth session) a department's name right before a phone
number ("Belastingen 0570-...", from the names of departments' endings that already told a sub-team from a
person): 3/100; every other set unchanged.

``pii_twentyeighth.jsonl`` (200 snippets, 100 without personal data, a twenty-eighth blind writer, asked for
applications and letters about events, markets and terraces, and the contact centre's own call and callback logs:
GPS and RD coordinates, KvK and establishment numbers, stall and pitch numbers, call ids, ISO timestamps,
extensions, companies and events named after people), written 2026-12-03 and measured once, untouched: bsn
**15/16**, names 92/98, the rest 1.000, false positives **22/100**. Its misses and false positives were then read,
and general rules made from them, tested with cases of their own in test_privacy.py: a log's key and its quoted
value (``name='...'``, ``evenement='...'``) is a labelled field; a name after an opening quote is a name (it was
taken for a contraction's end); a quoted value after "=", "[", a comma or a colon is no title; "It's" is no owner;
"Best," signs a mail; an initial, then a word deduce took for a street and no number, is a surname ("Mw. B.
Oosterhof"); an event's, a company's or a location's field ("Naam evenement:", "Bedrijf:", "site=") holds no one's
name; a numbered list's labels ("Post 1:", "Post 2:"); an hour after a place ("Sportpark Veldwijk 18:00"); an item
after its code at a line's start ("C4 Bloemen"); an initial before a common word that no name list holds ("C.
Verwachte"); a code's letters and a dash before digits ("INC-0049001"); a team's mailbox of several words at a
place's domain ("kcc-teamleiders@"); an association's account ("verenigingsrekening") or one held by a company with
a legal form; an institution's address in brackets after its name; a hotel's address in a letter to it; "the
market office is reachable at"; an event named after a person ("de Pieter Zeeman lezing"). Since: names 98/98,
false positives 3/100 (a company's line in a call log named only by the log's caller type, a market's name and
year, "Bond van Kermisexploitanten" and a mayor's signature); later the same session its BSN miss too (a number
the resident called a case number and, a turn later, his BSN: a later turn that says "dat is (inderdaad) mijn BSN"
with no other number between makes a number that passes the 11-test a BSN): bsn 16/16. Every other set unchanged
but for names masked more whole and, after a plate or an address's letter, the next sentence's first word no longer
masked.

``pii_twentyninth.jsonl`` (200 snippets, 100 without personal data, a twenty-ninth blind writer, asked for births,
marriages, deaths and burials, name changes and certificates, compulsory schooling and school transport: funeral
homes, taxi firms, schools and care farms named after people, grave and certificate numbers, BRIN codes, speakers'
labels in call transcripts), written 2026-12-03 and measured once, untouched: names 162/176, birth dates 29/31, the
rest 1.000, false positives **24/100**. Its misses and false positives were then read, and general rules made from
them, tested with sentences of their own in test_privacy.py: what a caller says after a speaker's label ("Beller:
Klopt", "Caller: My son"); funeral homes, care farms, taxi firms, law firms and childcare as institutions, also
with a lower-case noun before an article ("zorgboerderij De Kleine ..."), and their account named before its
IBAN; a hearse's and a school taxi's plate; an office holder named with glued initials, an academic title or a
double surname; a mayor's secretariat's mailbox; a phone number after an organisation's mailbox and "of bel"; an
IBAN or field value whose digits are all zeros (a placeholder); a name's other occurrences (a word rare in Dutch and
English: "Milan" at a sentence's start after "de ouders van Milan Jansen"); a teacher's, witness's or registrar's
word before a name ("juf", "getuige", "babs", "achternaam"); a particle, then a word deduce took for a street, and
double surnames ("wijlen Cornelia van Dijk-Hoek"); a first name after a handler's label ("Behandelend medewerker:
Femke."); an unlisted first name before a surname known by its ending ("Kateryna Shevchenko"); a first name's
surname's initial ("Johan K."). Since: names 173/176, false positives 7/100 (a sole trader's company mailbox, which
two earlier writers labelled personal data; a first name that is also a word, "ik bel over Summer"; a product code
shaped like a plate; surnames and first names talked about as names; a number after "bsn-check" that fails the
11-test, kept masked as a resident's mistyped BSN; "Deel 1A" of a register). Every other set unchanged but for
names masked more whole (a roster's first name, a surname repeated in a letter, an OCR'd surname), a school taxi's
plate no longer masked, and a greeting's word before a name left alone ("Bedankt [naam]").

``pii_thirtieth.jsonl`` (200 snippets, 100 without personal data, a thirtieth blind writer, asked for parking,
traffic and vehicles: permits, disabled parking, fines, towing, scan cars, car sharing, lease and company cars,
charging points, road works; plates in every sidecode and from abroad, scan-car and app logs, exports), written
2026-12-03 after the twenty-ninth set's rules and measured once, untouched: e-mail **13/14** (a private mailbox at a
Polish provider taken for a team's at a place's domain), names 109/110, addresses 35/37, birth dates 13/14 (a pipe
table's bar read as a scan's digit "1"), plates 75/78, the rest 1.000, false positives **18/100**. Rules since,
tested with sentences of their own in test_privacy.py: a team's mailbox of several words only at a place's domain,
and more consumer mail providers; a table's bar is no OCR'd digit; a scan car's, a municipal van's, a garage's loan
car's, a car-sharing car's and a tow truck's plate (not past a word that makes it someone's own, "mijn eigen auto",
nor past a log's next field), an example's plate ("bijvoorbeeld 12-ABC-3"), a British plate after its cue; parking
garages and depots as institutions; a law and car brands named after people ("Wet Mulder", "Mercedes-Benz"); a
company's registered address ("gevestigd aan"); an institution's phone number after its address and place, after
its sales or planning mailbox, or at the end of a sentence whose subject it is ("Het autodepot ... is telefonisch
bereikbaar via"); a first name after a speaker's label only when it ends the line; a mayor who signs under the
office. Since: e-mail 14/14, plates 78/78, birth dates 14/14, false positives 4/100 (a lower-case job after "ik
ben", a car-sharing fleet's CSV, an example plate far from its cue word, a tow truck's plate in a log); the ninth
set one false positive fewer, every other set unchanged.

``pii_thirtyfirst.jsonl`` (200 snippets, 100 without personal data, a thirty-first blind writer, asked for the
economy desk: starting a business, horeca and advertising permits, Bibob, Sunday opening, rural businesses, tourism,
sole traders; businesses named after their owners, KvK and VAT numbers, RSINs), written 2026-12-03 after the
thirtieth set's rules and measured once, untouched: names 124/134, addresses 23/25, postcodes 18/19, birth dates
21/22, the rest 1.000, false positives **18/100** (the same 18 without the 154 organisation kinds a helper listed
that session: the list changed nothing on this set). Rules since, tested with sentences of their own in
test_privacy.py: what a customer says after a speaker's label ("Klant: Mag ik ...", "Klant: Bakker worden ...": no
name when the sentence goes on in lower case); an establishment's address field at a line's start ("Adres
vestiging:"); an address after a legal form ("GmbH, Industriestraße 14") or followed by its business park; a phone
number after a legal form ("Reisen Nord GmbH, tel."); a plate in a company's name ("op naam van de BV"); a first
name after a handler's label that ends its sentence ("KCC-medewerker: Jeroen. Terugbelnotitie ..."). A first name,
then a surname deduce took for a street ("kl. Anton Hulshof"), and a name quoted after "door" ("ingediend door
'Willemijn Hoogland'") are names too. Since: names 127/134, false positives 10/100; the nineteenth set's "kl. Anton
Hulshof" masked now; the twenty-seventh set one false positive fewer (a company's van "op naam van de B.V."), every
other set unchanged.

``pii_thirtysecond.jsonl`` (200 snippets, 100 without personal data, a thirty-second blind writer, asked for the
first time for an ordinary fortnight of a KCC rather than for traps: every topic, notes, chats, e-mails, hand-overs
in ``forwarded_to`` and feedback, the contacts without personal data simply those that happen to have none),
written 2026-12-03 (fifth session) after the thirty-first set's rules and measured once, untouched: names 86/91,
addresses 29/30, postcodes 10/11, birth dates 9/10, the rest 1.000, false positives **2/100** (0.020: the target).
Rules since, tested with sentences of their own in test_privacy.py: a first name of the lists where a line starts,
rare as a word and set apart by a comma, a dash or a bracket ("Fleur, mail tbv terugbelverzoek", "Ahmed – team
Belastingen"; not "Roos, tulp en dahlia"), or no word at all ("Sevda heeft me geholpen"); "t.a.v." before a name;
in lower case, English's commonest words are no name ("where I can drop off": "Can" and "Drop" are in the lists).
Since: names 90/91, false positives 1/100 (the town hall's address after "adres gemeentehuis" in the sentence
before); more first names masked in older sets ("Kl. (Tomasz)", "Terugbelverzoek: Sophie,"), every set's
false positives unchanged.

``pii_thirtythird.jsonl`` (200 snippets, 100 without personal data, a thirty-third blind writer, also asked for the
ordinary, not for traps: a large city's month, topics in proportion to how often they come up, chatbot questions,
notes, e-mails, hand-overs, call-back requests and feedback, 16 in English or mixed with Polish, Turkish or Arabic),
written 2026-12-03 (fifth session) after the thirty-second set's rules and measured once, untouched: names 88/90,
addresses 25/26, the rest 1.000, false positives **1/100**. Rules since, tested with sentences of their own in
test_privacy.py: a first name of the lists right before a phone number ("Frank 0626391047"); a surname's glued
particle ("Jasmine O'Connor", whole: "O'" and the first name were left readable; not "I'm"); a word written against
a house number ("Mariaplaats 7bis"); "van" or "uit" after a place's people ("een bewoner van Lombok") names where
they live; and an address's placeholder keeps the full stop that ends its sentence. Since: every recall 1.000, false
positives 0/100; in older sets five more addresses and three more names found whole, every set's false
positives unchanged. Then, from the leftovers of older sets: a year after a square's or a market's name is an
event's ("Kerstmarkt 2025": squares' houses have low numbers; "Dorpsstraat 1990" stays an address), and a lower-case
word after "ik ben" followed by where one works is a job ("ik ben kok in een restaurant"): the twenty-eighth set at
2/100, the target; plates in a sentence that gives examples ("bijvoorbeeld een Duits kenteken in de vorm B-AB 1234
of een Belgisch kenteken als 1-ABC-123") and a plate's shape with spaces whose letters are a common word ("1234
of"), where the search now goes on inside it: "kenteken is 23 RT XB" was masked as "[kenteken] XB" (a bug, in the
fresh set) and is masked whole. The thirtieth set at 2/100, the target. Then a firm of partners with its legal
form ("Jansen & Bakker VOF") and an institution's capitalised noun right before a name with particles ("Stichting
Van Oud naar Nieuw"): the thirty-first set at 8/100.

``pii_thirtyfourth.jsonl`` (200 snippets, 100 without personal data, a thirty-fourth blind writer, asked for the
ordinary in a small rural municipality's month: villages, farms, holiday parks, older residents' long e-mails,
seasonal workers; 13 in English, Polish-Dutch, Romanian-Dutch or German), written 2026-12-03 (fifth session) after
all the rules above and measured once, untouched: every recall 1.000, false positives **3/100** (0.030: German
nouns after an article or a preposition read as surnames, "für Glas", "nächsten Sommer"; "een bewoner van de
Beukenlaan"). Rules since, tested with sentences of their own in test_privacy.py: in a German text, a common German
word right after an article or a preposition is a noun, unless it is a first name ("für Peter"); a place's
residents' "van de" before a street. Since: false positives 0/100, every other set unchanged. Over the three writers
asked for ordinary contacts, the first runs changed 6 of 300 snippets without personal data (0.020).

``pii_thirtyfifth.jsonl`` and ``pii_thirtysixth.jsonl`` (200 snippets each, 100 without personal data, two more
blind writers asked for the ordinary, written 2026-12-03 (sixth session) after all the rules above): a medium
Brabant municipality's month with carnival, WOZ objections, Wmo, debt help (14 in English, Turkish-, Arabic- or
Polish-Dutch, four in dialect), and a Zeeland seaside municipality's summer with beach huts, tourist tax, second
homes and German and Belgian visitors (16 in German, French, English or mixed; DE and BE plates, phones and IBANs).
Each measured once, untouched:

- thirty-fifth: bsn 6/6, iban 7/7, phone 30/30, email 8/8, name 105/107, address 24/24, postcode 8/8, birth_date
  14/14, licence_plate 8/9, false positives **2/100** (0.020: "in het ziekenhuis in Den Bosch", "Namens Harmonie
  Sint-Caecilia");
- thirty-sixth: bsn 8/8, iban 10/10, phone 39/39, email 9/9, name 112/117, address 30/32, postcode 17/17, birth_date
  14/15, licence_plate 13/13, false positives **0/100**.

Every recall target held at both first runs. Over the five writers asked for ordinary contacts, the first runs
changed 8 of 500 snippets without personal data (0.016). Rules since, tested with sentences of their own in
test_privacy.py: a name that starts with a capitalised particle after "in", "uit" or "te" is a place ("in Den
Bosch"); brass bands, guilds and music or carnival clubs are organisations before a name ("Harmonie", "Schutterij");
a colleague's first name before a slash ("Corné / buitendienst") or before "van" and a department's word that is no
surname ("Jeroen van Vergunningen"); a first name with a capitalised word after it that no list holds and that is
rare as a word ("Klaus Wegener"); the names on the line after a greeting that ends its line, in Dutch, English,
German or French ("Mit freundlichen Grüßen\nJürgen und Petra Hoffmann"), each with an initial or a listed first
name (also without its accents), never a team or an organisation; German streets named with a preposition first
("Am Lindenhof 7"); a holiday home is a home ("vakantiehuis op Weelweg 7"); a baby's birthday without a year ("op 14
augustus een zoon gekregen"). Since: thirty-fifth name 106/107, licence_plate 8/9, false positives 0/100;
thirty-sixth every recall 1.000, false positives 0/100; names in four older sets one better each (ninth, eleventh,
twenty-third, thirty-first), the thirty-first's addresses one better, no other set changed. Then three of the
thirty-first set's leftovers as data: a farm business ("Kaasboerderij"; a plain "boerderij" or "woonboerderij" is a
home), business premises ("bedrijfspand aan de ..."), an establishment's address by its label ("Adres vestiging:"):
the thirty-first at 5/100, no other set changed.

Where a set falls short of the target, the test is an expected failure that names the figure (``strict``: it fails
the day the masker reaches the target, so the figure gets updated).

Recall per type: a labelled value counts as found when none of its letters and digits is still in the masked text
where it stood. Where it stood: the masked text, each placeholder made one character that matches nothing, is
aligned with the snippet (``difflib``, longest common blocks); a character of the value is readable when it lies
in a block the two share. Every occurrence of the value in the snippet counts.

False positives: the share of snippets without personal data whose text the masker changed at all.

Run with ``-s`` to see the table; it is also in every assertion message and in the JUnit properties.
"""

from __future__ import annotations

import difflib
import json
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from kcc.privacy import PLACEHOLDER, mask_personal_data

DATA = Path(__file__).parent / "data"
SETS = ("pii_labelled", "pii_holdout", "pii_fresh", "pii_final", "pii_fifth", "pii_sixth", "pii_seventh",
        "pii_eighth", "pii_ninth", "pii_tenth", "pii_eleventh", "pii_twelfth", "pii_thirteenth", "pii_fourteenth",
        "pii_fifteenth", "pii_sixteenth", "pii_seventeenth", "pii_eighteenth", "pii_nineteenth",
        "pii_twentieth", "pii_twentyfirst", "pii_twentysecond", "pii_twentythird", "pii_twentyfourth",
        "pii_twentyfifth", "pii_twentysixth", "pii_twentyseventh", "pii_twentyeighth", "pii_twentyninth",
        "pii_thirtieth", "pii_thirtyfirst", "pii_thirtysecond", "pii_thirtythird",
        "pii_thirtyfourth", "pii_thirtyfifth", "pii_thirtysixth")
SET = DATA / "pii_labelled.jsonl"
# (set, type or "false_positives") -> the figure below the target; the fresh set's bsn 19/21, iban 19/20 and false
# positives 12/104 (0.115), the final set's bsn 15/16 and false positives 4/83 (0.048), the fifth set's phone 25/29
# and false positives 10/79, the sixth set's email 16/17 and false positives 4/113, the seventh set's false
# positives 6/137, the twentieth set's 3/100, the twenty-third's 29/100 and the twenty-fifth's bsn 13/14 and false
# positives 4/100, the twenty-seventh's false positives (2/100 since 2026-12-03, fourth session) and the
# twenty-eighth's and the thirtieth's (2/100 since the fifth session) reached the targets with the general rules
# (see above)
SHORT: dict[tuple[str, str], str] = {
    ("pii_twentyninth", "false_positives"): "7/100: a sole trader's company mailbox, a first name that is a word, a "
                                            "product code shaped like a plate, names talked about as names (2), a "
                                            "mistyped BSN after its cue, a register's 'Deel 1A'",
    ("pii_thirtyfirst", "false_positives"): "5/100: a B&B named after a person, a postcode alone, a product named "
                                            "after a person, a horeca register's addresses, 'The Pop-Up Collective'",
}
TYPES = ("bsn", "iban", "phone", "email", "name", "address", "postcode", "birth_date", "licence_plate")
MIN_RECALL = {"bsn": 0.98, "iban": 0.98, "phone": 0.98, "email": 0.98, "name": 0.85, "address": 0.85,
              "postcode": 0.85, "birth_date": 0.85, "licence_plate": 0.85}
MAX_FALSE_POSITIVES = 0.02


def readable(text: str, masked: str) -> list[bool]:
    """Per character of ``text``: is it still in ``masked``, in its place?"""
    opaque = PLACEHOLDER.sub("\0", masked)
    kept = [False] * len(text)
    for block in difflib.SequenceMatcher(None, text, opaque, autojunk=False).get_matching_blocks():
        kept[block.a:block.a + block.size] = [True] * block.size
    return kept


def value_found(text: str, masked: str, value: str) -> bool:
    """Whether no letter or digit of any occurrence of ``value`` in ``text`` is readable in ``masked``."""
    kept = readable(text, masked)
    start = text.find(value)
    while start >= 0:
        if any(kept[i] for i in range(start, start + len(value)) if text[i].isalnum()):
            return False
        start = text.find(value, start + len(value))
    return True


@dataclass
class Score:
    found: Counter
    total: Counter
    missed: dict[str, list[str]]
    changed_clean: list[str]
    clean: int
    name: str = ""

    def recall(self, kind: str) -> float:
        return self.found[kind] / self.total[kind] if self.total[kind] else 1.0

    @property
    def false_positives(self) -> float:
        return len(self.changed_clean) / self.clean if self.clean else 0.0

    def table(self) -> str:
        lines = ["type           found / total  recall"]
        lines += [f"{kind:<14} {self.found[kind]:>5} / {self.total[kind]:<5}  {self.recall(kind):.3f}"
                  for kind in TYPES]
        lines.append(f"false positives: {len(self.changed_clean)} of {self.clean} snippets without personal data "
                     f"changed ({self.false_positives:.3f})")
        for kind in TYPES:
            if self.missed[kind]:
                lines.append(f"missed {kind}: {', '.join(self.missed[kind])}")
        if self.changed_clean:
            lines.append(f"changed without personal data: {', '.join(self.changed_clean)}")
        return "\n".join(lines)


def load_set(path: Path = SET) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


# the day the figures above were measured: a whole date beside a name is a date of birth when it lies two years or
# more before the day of writing, so each set is masked as of one fixed day, not as the calendar moves on
MEASURED_ON = date(2026, 12, 3)


def as_measured(text: str) -> str:
    return mask_personal_data(text, today=MEASURED_ON)


def score(rows: list[dict], mask=as_measured) -> Score:
    result = Score(Counter(), Counter(), {kind: [] for kind in TYPES}, [], 0)
    for row in rows:
        masked = mask(row["text"])
        if not row["pii"]:
            result.clean += 1
            if masked != row["text"]:
                result.changed_clean.append(row["id"])
        for pii in row["pii"]:
            result.total[pii["type"]] += 1
            if value_found(row["text"], masked, pii["value"]):
                result.found[pii["type"]] += 1
            else:
                result.missed[pii["type"]].append(row["id"])
    return result


@pytest.fixture(scope="module", params=SETS)
def scored(request) -> Score:
    result = score(load_set(DATA / f"{request.param}.jsonl"))
    result.name = request.param
    print(f"\n{request.param}\n" + result.table())
    return result


def expect_short(request, name: str, what: str) -> None:
    if (name, what) in SHORT:
        request.applymarker(pytest.mark.xfail(strict=True, reason=f"{name} {what}: {SHORT[name, what]}"))


@pytest.mark.parametrize(("text", "masked", "value", "found"), [
    ("bel 06-12345678 nu", "bel [telefoonnummer] nu", "06-12345678", True),
    ("bel 06-12345678 nu", "bel 06-12345678 nu", "06-12345678", False),
    ("bel 06-12345678 nu", "bel 06-[telefoonnummer] nu", "06-12345678", False),  # "06" still there
    ("Bram de Haan belt", "[naam] belt", "Bram de Haan", True),  # "am", "aa" of [naam] are no match
    ("Bram de Haan belt", "[naam] de Haan belt", "Bram de Haan", False),
    ("12 en 12", "12 en [kenteken]", "12", False),  # every occurrence counts
])
def test_the_measure(text, masked, value, found):
    assert value_found(text, masked, value) is found


@pytest.mark.parametrize("name", SETS)
def test_the_set_is_well_formed(name):
    rows = load_set(DATA / f"{name}.jsonl")
    assert len({row["id"] for row in rows}) == len(rows), "ids are not unique"
    wrong = [row["id"] for row in rows for pii in row["pii"]
             if pii["type"] not in TYPES or not pii["value"] or pii["value"] not in row["text"]]
    assert not wrong, f"unknown type or value not in the text: {wrong}"
    assert any(not row["pii"] for row in rows)


@pytest.mark.parametrize("kind", TYPES)
def test_recall(scored, kind, record_property, request):
    expect_short(request, scored.name, kind)
    record_property(f"recall_{kind}", f"{scored.found[kind]}/{scored.total[kind]}")
    assert scored.total[kind], f"no {kind} in the set"
    assert scored.recall(kind) >= MIN_RECALL[kind], scored.table()


def test_false_positives(scored, record_property, request):
    expect_short(request, scored.name, "false_positives")
    record_property("false_positives", f"{len(scored.changed_clean)}/{scored.clean}")
    assert scored.false_positives <= MAX_FALSE_POSITIVES, scored.table()
