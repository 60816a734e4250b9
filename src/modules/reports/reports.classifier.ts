/**
 * Category suggestion: multinomial naive Bayes over German word stems, trained locally from the
 * category texts and past reports. No external service and no downloaded model; staff always decide.
 */

const STOPWORDS = new Set(
  (
    'der die das den dem des ein eine einer eines einem einen und oder aber ist sind war wird werden wurde hat haben ' +
    'ich wir sie er es ihr man mein meine unser unsere nicht kein keine auch noch schon sehr mehr seit vor nach bei ' +
    'mit von zu zum zur im in an am auf aus für über unter dem vom bis durch gegen um wie was wo wer dass da dort ' +
    'hier jetzt heute gestern immer wieder bitte danke mal so nur ganz viel viele seit tagen wochen monaten liegt steht'
  ).split(' '),
);

/** Lower case, umlauts folded, crude suffix stripping: enough to merge "Laternen" with "Laterne". */
export function tokenize(text: string): string[] {
  const folded = text
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss');
  const out: string[] = [];
  for (const word of folded.split(/[^a-z0-9]+/)) {
    if (word.length < 3 || STOPWORDS.has(word) || /^\d+$/.test(word)) continue;
    const stem = word.length > 5 ? word.replace(/(ern|en|er|es|e|n|s)$/, '') : word;
    out.push(stem);
    // Compounds ("Straßenlaterne", "Spielplatzschaukel"): the word's tail often carries the meaning.
    if (stem.length >= 9) out.push(`~${stem.slice(-6)}`);
  }
  return out;
}

export interface NaiveBayesModel {
  labels: string[];
  logPrior: Map<string, number>;
  logLikelihood: Map<string, Map<string, number>>;
  logUnknown: Map<string, number>;
}

export function trainNaiveBayes(docs: { label: string; text: string; weight?: number }[], alpha = 0.5): NaiveBayesModel {
  const labels = [...new Set(docs.map((d) => d.label))];
  const counts = new Map<string, Map<string, number>>(labels.map((l) => [l, new Map()]));
  const totals = new Map<string, number>(labels.map((l) => [l, 0]));
  const vocabulary = new Set<string>();
  for (const doc of docs) {
    const w = doc.weight ?? 1;
    const c = counts.get(doc.label)!;
    for (const token of tokenize(doc.text)) {
      vocabulary.add(token);
      c.set(token, (c.get(token) ?? 0) + w);
      totals.set(doc.label, totals.get(doc.label)! + w);
    }
  }
  const v = vocabulary.size + 1;
  const logLikelihood = new Map<string, Map<string, number>>();
  const logUnknown = new Map<string, number>();
  const logPrior = new Map<string, number>();
  for (const label of labels) {
    const denom = totals.get(label)! + alpha * v;
    const ll = new Map<string, number>();
    for (const [token, n] of counts.get(label)!) ll.set(token, Math.log((n + alpha) / denom));
    logLikelihood.set(label, ll);
    logUnknown.set(label, Math.log(alpha / denom));
    // A flat prior: how often a category was used in the past must not outvote what the text says.
    logPrior.set(label, Math.log(1 / labels.length));
  }
  return { labels, logPrior, logLikelihood, logUnknown };
}

/** Labels ranked by posterior probability. Tokens the model never saw are ignored. */
export function classify(model: NaiveBayesModel, text: string): { label: string; probability: number }[] {
  const tokens = tokenize(text);
  const known = tokens.filter((tok) => model.labels.some((l) => model.logLikelihood.get(l)!.has(tok)));
  if (known.length === 0) return [];
  const scores = model.labels.map((label) => {
    const ll = model.logLikelihood.get(label)!;
    const unknown = model.logUnknown.get(label)!;
    let s = model.logPrior.get(label)!;
    for (const tok of known) s += ll.get(tok) ?? unknown;
    return { label, s };
  });
  const max = Math.max(...scores.map((x) => x.s));
  const sum = scores.reduce((acc, x) => acc + Math.exp(x.s - max), 0);
  return scores.map((x) => ({ label: x.label, probability: Math.exp(x.s - max) / sum })).sort((a, b) => b.probability - a.probability);
}
