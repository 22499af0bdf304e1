"""Questions on the sample KB that more than one test module asks."""

# two parts (the tax return; a low income) and the whole question's second-best article (DigiD) after them
PARTS_AND_SECOND = ("Ik heb een laag inkomen en moet voor 1 mei mijn belastingaangifte doen, maar ik weet het "
                    "wachtwoord van mijn DigiD niet meer, kunnen jullie mij daarmee helpen?")
