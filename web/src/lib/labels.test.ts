import { describe, expect, it } from 'vitest';
import { actionLabel, documentTypeOptions, entityLabel } from './labels';

describe('documentTypeOptions', () => {
  it('lists the 13 types of docs/api.md in order, with the symbols printed in numbers', () => {
    const options = documentTypeOptions();
    expect(options.map((o) => o.value)).toEqual(['NQ', 'QD', 'KL', 'TB', 'BC', 'KH', 'CTr', 'DA', 'PA', 'TTr', 'CV', 'BB', 'QC']);
    expect(options[0].label).toBe('Nghị quyết (NQ)');
    expect(options.find((o) => o.value === 'QD')?.label).toBe('Quyết định (QĐ)');
    expect(options.find((o) => o.value === 'DA')?.label).toBe('Đề án (ĐA)');
  });
});

describe('audit labels of the register', () => {
  it('names a registration in Vietnamese', () => {
    expect(actionLabel('document.register')).toBe('Vào sổ');
    expect(entityLabel('document')).toBe('Văn bản');
  });
});

describe('audit labels of meeting quality', () => {
  it('names scoring and a new scorecard in Vietnamese', () => {
    expect(actionLabel('meeting.score')).toBe('Chấm điểm sinh hoạt');
    expect(actionLabel('meeting.rescore')).toBe('Chấm lại điểm sinh hoạt');
    expect(actionLabel('scorecard.create')).toBe('Lập phiếu đánh giá chất lượng sinh hoạt');
  });
});
