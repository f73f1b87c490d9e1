// name: connected
// description: The most connected actors: how many others each is related to, by how many claims in how many articles
// param: label string "" Only actors with this label: Person, Country, Organization, Group or Place
// param: limit int "10" At most this many rows
// example: dipgraph ask connected --label person
// Any claim relates two actors, except one that says something did not
// happen.
MATCH (a:Actor)-[r:MET_WITH|SPOKE_WITH|VISITED|BACKS|OPPOSES|COOPERATES_WITH|MEDIATES|SIGNED_AGREEMENT|ACCUSED|THREATENED|SANCTIONED|ATTACKED|SHOT_DOWN|CONTROLS|LEADER_OF|MEMBER_OF]-(b:Actor)
WHERE r.modality <> 'negated' AND a <> b
  AND ($label = '' OR any(l IN labels(a) WHERE l <> 'Actor' AND toLower(l) = toLower($label)))
RETURN a.name AS actor, [l IN labels(a) WHERE l <> 'Actor'][0] AS label,
       count(DISTINCT b) AS partners, count(r) AS claims, count(DISTINCT r.article) AS articles
ORDER BY partners DESC, claims DESC, actor
LIMIT $limit
