import {
  SUB_ALL,
  buildSubscriptionData,
  isMatchedByClient,
  isMatchedByConsumeQueue,
  tagsString2tagsCode,
} from '../../../src/model/filter.ts';
import { javaStringHashCode } from '../../../src/model/java.ts';

/** Both stages of a pull: the broker's consume-queue check, then the client's re-check. */
const delivered = (subString: string, tags: string | undefined): boolean => {
  const sub = buildSubscriptionData(subString);
  return isMatchedByConsumeQueue(sub, tagsString2tagsCode(tags)) && isMatchedByClient(sub, tags);
};

describe('buildSubscriptionData (FilterAPI)', () => {
  it('splits "TAG1 || Tag2 || tag3" into trimmed tags and keeps the expression (FilterAPITest)', () => {
    const sub = buildSubscriptionData('TAG1 || Tag2 || tag3');
    expect(sub.subString).toBe('TAG1 || Tag2 || tag3');
    expect(sub.tagsSet).toEqual(['TAG1', 'Tag2', 'tag3']);
    expect(sub.codeSet).toEqual(['TAG1', 'Tag2', 'tag3'].map(javaStringHashCode));
  });

  it('builds exactly {A, B} from "A || B" (FilterAPITest.testBuildTagSome)', () => {
    expect(buildSubscriptionData('A || B').tagsSet).toEqual(['A', 'B']);
  });

  it.each([null, undefined, '', '*'])('subscribes %j to everything (SUB_ALL)', (subString) => {
    expect(buildSubscriptionData(subString)).toEqual({ subString: SUB_ALL, tagsSet: [], codeSet: [] });
  });

  it('drops empty tags and duplicates, as the HashSets do', () => {
    expect(buildSubscriptionData('A ||  || A|| B').tagsSet).toEqual(['A', 'B']);
  });

  it('throws "subString split error" for an expression made only of "||"', () => {
    expect(() => buildSubscriptionData('||')).toThrow('subString split error');
  });
});

describe('tagsString2tagsCode (MessageExtBrokerInner)', () => {
  it('stores String.hashCode of the tag, 0 for no tag', () => {
    expect(tagsString2tagsCode('TagA')).toBe(javaStringHashCode('TagA'));
    expect([tagsString2tagsCode(undefined), tagsString2tagsCode(null), tagsString2tagsCode('')]).toEqual([0, 0, 0]);
  });
});

describe('tag filtering, broker then client', () => {
  it('delivers everything to "*", tagged or not', () => {
    expect(delivered('*', 'TagA')).toBe(true);
    expect(delivered('*', undefined)).toBe(true);
  });

  it('delivers only the subscribed tags', () => {
    expect(delivered('TagA || TagB', 'TagB')).toBe(true);
    expect(delivered('TagA || TagB', 'TagC')).toBe(false);
  });

  it('never delivers an untagged message to a tag subscription', () => {
    const sub = buildSubscriptionData('TagA');
    expect(isMatchedByConsumeQueue(sub, tagsString2tagsCode(undefined))).toBe(false);
    expect(isMatchedByClient(sub, undefined)).toBe(false);
  });

  it('lets a hash collision ("BB" for "Aa") past the broker and drops it at the client', () => {
    const sub = buildSubscriptionData('Aa');
    expect(isMatchedByConsumeQueue(sub, tagsString2tagsCode('BB'))).toBe(true);
    expect(isMatchedByClient(sub, 'BB')).toBe(false);
    expect(delivered('Aa', 'BB')).toBe(false);
  });

  it('matches a missing tagsCode, and narrows a long tagsCode like Long.intValue()', () => {
    const sub = buildSubscriptionData('Aa');
    expect(isMatchedByConsumeQueue(sub, null)).toBe(true);
    expect(isMatchedByConsumeQueue(sub, 2112 + 2 ** 32)).toBe(true);
  });
});
