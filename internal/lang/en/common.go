package en

// CommonWord reports whether w (lower-cased) is a word of everyday English
// that any kind of text uses often (go, want, lot, thing, really, towards),
// or the furniture news pages put around a text (getty, continue, hide):
// words that show how an outlet writes or lays out its pages, not what it
// says. Comparisons of wording leave them out with the stop words
// (compare.TermsLang); clustering does not read this list.
func CommonWord(w string) bool {
	_, ok := commonWords[w]
	return ok
}

var commonWords = wordSet(`
go goes going gone went gonna come comes coming came want wants wanted wanting wanna think thinks thinking thought
know knows knowing knew known see sees seeing saw seen look looks looking looked take takes taking took taken
give gives giving gave given put puts putting keep keeps keeping kept let lets letting seem seems seemed seeming
need needs needed needing use uses using used find finds finding found try tries trying tried ask asks asking asked
feel feels feeling felt become becomes becoming became leave leaves leaving left mean means meaning meant
begin begins beginning began begun show shows showing showed shown hear hears hearing heard turn turns turning turned
start starts starting started call calls calling called happen happens happening happened bring brings bringing brought
stay stays staying stayed help helps helping helped talk talking talked getting gets making makes saying
lot lots thing things stuff way ways kind kinds sort bit point points fact part parts place places number end
something anything nothing everything someone anyone everyone somebody anybody everybody nobody none whatever
really actually pretty quite rather almost already always never ever often sometimes usually maybe perhaps probably
certainly clearly simply together away enough else instead least less little long big small large good bad great
better best worse worst right wrong sure able different whole real true full high low early later soon far near
toward towards onto upon among amid along beyond behind despite inside outside throughout whose yes yeah okay
oh hey thanks thank please lol via kinda whether unless though although otherwise anyway indeed
four five six seven eight nine ten dozen hundred hundreds thousand thousands several various
getty shutterstock hide continue continued reading watch video videos file update updated updates copyright
news story main com www http https
`)
