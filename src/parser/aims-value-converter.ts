/**
 * Turns token text into values. NIST subcategory ids are one token with a space inside
 * ("GOVERN 1.1"); a tab or double space still means the same id.
 */
import { DefaultValueConverter, ValueConverter, type CstNode, type GrammarAST, type ValueType } from 'langium';

export class AimsValueConverter extends DefaultValueConverter {
    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        if (rule.name === 'NIST_ID' || rule.name === 'ARTICLE_ID') {
            return input.replace(/\s+/, ' ');
        }
        // A framework requirement id written as a string (`requirement "ac-2.1" "..."`) is its text.
        if (rule.name === 'FrameworkLocalId' && /^["']/.test(input)) {
            return ValueConverter.convertString(input);
        }
        return super.runConverter(rule, input, cstNode);
    }
}
