import { useState } from 'react';

/**
 * A file input in Vietnamese: the native control's own words ("Choose File", "No file chosen")
 * follow the browser's language, not the page's. The input stays in the page (focusable, opened
 * with Space or Enter, named by the form's label); only its look is replaced.
 */
export function FilePicker({
  id,
  accept,
  multiple,
  onChange,
  ariaLabel,
}: {
  id: string;
  accept: string;
  multiple?: boolean;
  onChange: (files: File[]) => void;
  ariaLabel?: string;
}) {
  const [names, setNames] = useState<string[]>([]);
  return (
    <span className="file-picker">
      <input
        id={id}
        type="file"
        className="file-input"
        accept={accept}
        multiple={multiple}
        aria-label={ariaLabel}
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          setNames(files.map((f) => f.name));
          onChange(files);
        }}
      />
      <label htmlFor={id} className="file-button" aria-hidden="true">
        {multiple ? 'Chọn các tệp' : 'Chọn tệp'}
      </label>
      <span className="file-names">{names.length ? names.join(', ') : 'Chưa chọn tệp'}</span>
    </span>
  );
}
