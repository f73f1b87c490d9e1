package neo4jtest

import "github.com/dipgraph/dipgraph"

// Records returns two small hand-written extraction records that share
// actors, for tests that load them and check what the graph then says.
//
// Article "a1" (2024-07-25): Vladimir Putin MET_WITH Bashar al-Assad in
// Moscow on 2024-07-24 (with a meeting), Russia BACKS Assad (undated),
// Putin LEADER_OF Russia as President.
//
// Article "a2" (2016-08-10): Putin SPOKE_WITH Erdogan in 2016-07, written
// Putin first so that the loader has to put the symmetric pair in order;
// Erdogan MET_WITH Putin in St Petersburg on 2016-08-09 (with a meeting)
// and plans to meet him again (undated); Russia COOPERATES_WITH Turkey,
// planned. It calls Putin just "Putin", with
// an alias a1 lacks, and gives Russia another alias.
//
// Loaded, they make 11 nodes (2 articles; 3 Person, 2 Country, 2 Place; 2
// meetings) and 24 relationships (9 MENTIONS, 7 claims, 4 ATTENDED, 2
// HELD_IN, 2 REPORTED).
func Records() []dipgraph.Record {
	putin := dipgraph.Actor{ID: "person:vladimir-putin", Label: dipgraph.Person, Name: "Vladimir Putin",
		Aliases: []string{"Putin", "the Russian leader"}, Country: "RUS"}
	assad := dipgraph.Actor{ID: "person:bashar-al-assad", Label: dipgraph.Person, Name: "Bashar al-Assad",
		Aliases: []string{"Assad"}, Country: "SYR"}
	erdogan := dipgraph.Actor{ID: "person:recep-tayyip-erdogan", Label: dipgraph.Person, Name: "Recep Tayyip Erdogan",
		Aliases: []string{"Erdogan"}, Country: "TUR"}
	russia := dipgraph.Actor{ID: "country:RUS", Label: dipgraph.Country, Name: "Russia",
		Aliases: []string{"Russian", "the Kremlin"}, Country: "RUS"}
	turkey := dipgraph.Actor{ID: "country:TUR", Label: dipgraph.Country, Name: "Turkey",
		Aliases: []string{"Ankara"}, Country: "TUR"}
	moscow := dipgraph.Actor{ID: "place:moscow", Label: dipgraph.Place, Name: "Moscow", Aliases: []string{}, Country: "RUS"}
	petersburg := dipgraph.Actor{ID: "place:st-petersburg", Label: dipgraph.Place, Name: "St Petersburg", Country: "RUS"}

	putin2 := putin
	putin2.Name = "Putin"
	putin2.Aliases = []string{"Russia's President Vladimir Putin", "Putin"}
	russia2 := russia
	russia2.Aliases = []string{"Moscow", "Russian"}

	return []dipgraph.Record{
		{
			Schema: dipgraph.Schema,
			Article: dipgraph.Article{ID: "a1", Path: "testdata/a1.txt", Source: "AFP", Published: "2024-07-25",
				Title: "Russian leader Putin meets Syrian president Assad in Moscow: TV"},
			Actors: []dipgraph.Actor{putin, assad, russia, moscow},
			Relations: []dipgraph.Relation{
				{Type: dipgraph.MetWith, Source: putin.ID, Target: assad.ID, Date: "2024-07-24", Place: moscow.ID,
					Modality: dipgraph.Asserted, Confidence: 0.92, CAMEO: "040",
					Evidence: []dipgraph.Evidence{{Sentence: "Vladimir Putin met Syrian president Bashar al-Assad in Moscow.", Start: 64, End: 126}}},
				{Type: dipgraph.Backs, Source: russia.ID, Target: assad.ID, Modality: dipgraph.Asserted, Confidence: 0.8, CAMEO: "050",
					Evidence: []dipgraph.Evidence{{Sentence: "Russia is Assad's main backer.", Start: 127, End: 157}}},
				{Type: dipgraph.LeaderOf, Source: putin.ID, Target: russia.ID, Modality: dipgraph.Asserted, Confidence: 0.9, Role: "President",
					Evidence: []dipgraph.Evidence{{Sentence: "Russia's President Vladimir Putin spoke.", Start: 0, End: 40}}},
			},
			Meetings: []dipgraph.Meeting{
				{ID: "meeting:a1-1", Date: "2024-07-24", Place: moscow.ID, Participants: []string{putin.ID, assad.ID}, Modality: dipgraph.Asserted},
			},
		},
		{
			Schema: dipgraph.Schema,
			Article: dipgraph.Article{ID: "a2", Source: "CNN", Published: "2016-08-10", URL: "https://example.com/a2",
				Title: "Erdogan and Putin mend ties"},
			Actors: []dipgraph.Actor{putin2, erdogan, russia2, turkey, petersburg},
			Relations: []dipgraph.Relation{
				{Type: dipgraph.SpokeWith, Source: putin.ID, Target: erdogan.ID, Date: "2016-07", Modality: dipgraph.Asserted, Confidence: 0.7, CAMEO: "041",
					Evidence: []dipgraph.Evidence{{Sentence: "Putin called Erdogan after the coup attempt.", Start: 10, End: 54}}},
				{Type: dipgraph.MetWith, Source: erdogan.ID, Target: putin.ID, Date: "2016-08-09", Place: petersburg.ID,
					Modality: dipgraph.Asserted, Confidence: 0.9, CAMEO: "040",
					Evidence: []dipgraph.Evidence{{Sentence: "Erdogan met Putin in St Petersburg on Tuesday.", Start: 55, End: 101}}},
				{Type: dipgraph.MetWith, Source: putin.ID, Target: erdogan.ID, Modality: dipgraph.Planned, Confidence: 0.6,
					Evidence: []dipgraph.Evidence{{Sentence: "The two leaders plan to meet again.", Start: 150, End: 185}}},
				{Type: dipgraph.CooperatesWith, Source: russia.ID, Target: turkey.ID, Modality: dipgraph.Planned, Confidence: 0.6,
					Evidence: []dipgraph.Evidence{{Sentence: "Moscow and Ankara will coordinate against ISIS.", Start: 102, End: 149}}},
			},
			Meetings: []dipgraph.Meeting{
				{ID: "meeting:a2-1", Date: "2016-08-09", Place: petersburg.ID, Participants: []string{erdogan.ID, putin.ID},
					Format: "bilateral", Modality: dipgraph.Asserted},
			},
		},
	}
}
