import { cardGallery } from '../../cards';
import { noticeCard } from '../../cards/notice';
import { maxCardBytes } from '../../cards/render';
import { isVerbName } from '../../bot/verbs';
import { cardProblems, executeVerbs } from '../support/card-validation';

describe('card templates', () => {
  const cases = Object.keys(cardGallery).flatMap((name) => (['fr', 'en'] as const).map((locale) => [name, locale] as const));

  it.each(cases)('%s (%s) expands, parses without any warning and stays under 40 KB', (name, locale) => {
    const card = cardGallery[name]!(locale);
    const json = JSON.stringify(card);
    expect(json).not.toContain('${');
    expect(card.version).toBe('1.5');
    expect(cardProblems(card)).toEqual([]);
    expect(Buffer.byteLength(json)).toBeLessThan(maxCardBytes);
  });

  it.each(cases)('%s (%s) only sends verbs the registry knows', (name, locale) => {
    for (const verb of executeVerbs(cardGallery[name]!(locale))) expect(isVerbName(verb)).toBe(true);
  });

  it('speaks French by default and English when asked', () => {
    const fr = JSON.stringify(cardGallery.welcome!('fr'));
    const en = JSON.stringify(cardGallery.welcome!('en'));
    expect(fr).toContain('Bienvenue dans Qualibot');
    expect(en).toContain('Welcome to Qualibot');
  });

  it('renders one template again and again with each time its own data (templates are parsed once)', () => {
    const first = noticeCard({ style: 'warning', title: 'Premier', text: 'un', reference: '' }, 'fr');
    const second = noticeCard({ style: 'good', title: 'Second', text: '${t.reference} {title}', reference: 'QB-000001' }, 'en');
    expect(JSON.stringify(first)).toContain('Premier');
    expect(JSON.stringify(first)).not.toContain('Second');
    expect(JSON.stringify(second)).toContain('${t.reference} {title}');
    expect(JSON.stringify(second)).toContain('Reference: QB-000001');
    expect(JSON.stringify(noticeCard({ style: 'warning', title: 'Premier', text: 'un', reference: '' }, 'fr'))).toBe(JSON.stringify(first));
  });

  it('detects a broken card (the validator is not a rubber stamp)', () => {
    expect(cardProblems({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Bogus' }] } as never)).not.toEqual([]);
  });
});
