import { describe, expect, it } from 'vitest';
import { canonicalCode, sameCode } from './codes.js';

describe('actor codes in scoring', () => {
  it.each([
    ['legacy code through the alias table', 'JAP', 'JPN', true],
    ['case and white space', ' usa', 'USA', true],
    ['the UN is an IGO', 'UNO', 'IGO', true],
    ['the EU is an IGO', 'IGO', 'EUR', true],
    ['but the UN is not the EU', 'UNO', 'EUR', false],
    ['different countries', 'ISR', 'PSE', false],
    ['an empty code matches nothing', '', '', false],
  ])('%s', (_name, a, b, expected) => {
    expect(sameCode(a, b)).toBe(expected);
  });

  it('keeps unknown codes as they are', () => {
    expect(canonicalCode('xyz')).toBe('XYZ');
    expect(canonicalCode(null)).toBeNull();
  });
});
