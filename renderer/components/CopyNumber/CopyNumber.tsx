/**
 * A phone or fax number that copies itself with one click.
 */
import { CopyButton, Tooltip, UnstyledButton, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function CopyNumber({ value, size = 'md' }: { value: string; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <CopyButton value={value} timeout={1500}>
      {({ copied, copy }) => (
        <Tooltip label={copied ? t('common.copied') : t('common.copy')} withArrow>
          <UnstyledButton onClick={copy} aria-label={`${t('common.copy')} ${value}`} data-copied={copied || undefined}>
            <Text ff="monospace" size={size} fw={600} c={copied ? 'green' : undefined}>
              {value}
            </Text>
          </UnstyledButton>
        </Tooltip>
      )}
    </CopyButton>
  );
}
